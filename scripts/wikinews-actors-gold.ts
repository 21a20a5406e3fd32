/**
 * Builds and checks the Wikinews actor gold (test/fixtures/wikinews/ACTORS.md).
 *
 * The annotation is written by hand in `actors.src.txt` as exact substrings
 * (with occurrence indexes where only some occurrences count); this script
 * turns it into `actors.gold.jsonl` with UTF-16 offsets into each article's
 * `text`, and checks every span, range and entity reference.
 *
 *   npx tsx scripts/wikinews-actors-gold.ts            write actors.gold.jsonl
 *   npx tsx scripts/wikinews-actors-gold.ts --check    fail if the file differs from a fresh build
 *   npx tsx scripts/wikinews-actors-gold.ts --uncovered [id]
 *       list capitalised words no mention or non-actor covers (an annotation aid)
 *
 * Source format (one article after another, in article order):
 *   == <article id>
 *   <eid> <kind> <Name> = <surface> | <surface>#1,3 | ...
 *   <eid> = <surface> | ...              (entity defined in an earlier line or article)
 *   ! <surface> | <surface>#2            (non-actors: places, works, events, products)
 *   # comment
 * kind: p person, o organisation, c country, g group. An eid starting with
 * `~` is article-scoped and becomes `<article id>/<rest>`.
 * Matching: exact, case-sensitive, not inside a word (no letter or digit
 * either side). Surfaces are placed longest first; a shorter match inside an
 * already placed span is not a separate occurrence and is not counted by `#n`
 * (so "Pelosi#2" is the second "Pelosi" standing alone). Every surface must
 * place at least one span, and every `#n` must exist.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AppError } from '../server/errors.js';

export const WIKINEWS_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'wikinews');

export const GoldKindSchema = z.enum(['person', 'organisation', 'country', 'group']);
export type GoldKind = z.infer<typeof GoldKindSchema>;

const SpanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const GoldArticleSchema = z.object({
  id: z.string(),
  entities: z.array(z.object({ eid: z.string().min(1), name: z.string().min(1), kind: GoldKindSchema })),
  mentions: z.array(z.object({ span: SpanSchema, text: z.string().min(1), eid: z.string().min(1) })),
  nonActors: z.array(z.object({ span: SpanSchema, text: z.string().min(1) })).optional(),
});
export type GoldArticle = z.infer<typeof GoldArticleSchema>;

export const WikinewsArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  source: z.string(),
  url: z.string(),
  text: z.string(),
});
export type WikinewsArticle = z.infer<typeof WikinewsArticleSchema>;

const KINDS: Record<string, GoldKind> = { p: 'person', o: 'organisation', c: 'country', g: 'group' };

function bad(message: string): AppError {
  return new AppError('BAD_INPUT', message);
}

export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l, i) => {
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch (error) {
      throw bad(`${file} line ${i + 1}: expected JSON, found invalid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw bad(`${file} line ${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
}

export function readArticles(): WikinewsArticle[] {
  return readJsonl(join(WIKINEWS_DIR, 'articles.jsonl'), WikinewsArticleSchema);
}

export function readGold(): GoldArticle[] {
  return readJsonl(join(WIKINEWS_DIR, 'actors.gold.jsonl'), GoldArticleSchema);
}

interface Surface {
  text: string;
  occ: number[] | null;
  eid: string | null; // null: non-actor
  line: number;
}
interface SrcArticle {
  id: string;
  entities: string[]; // eids in first-use order
  surfaces: Surface[];
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every word-bounded occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (isWordChar(needle[0]) && isWordChar(text[i - 1])) continue;
    if (isWordChar(needle[needle.length - 1]) && isWordChar(text[i + needle.length])) continue;
    out.push(i);
  }
  return out;
}

function parseSurfaces(list: string, eid: string | null, line: number): Surface[] {
  return list
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^(.*?)#(\d+(?:,\d+)*)$/.exec(s);
      if (m) return { text: m[1]!.trim(), occ: m[2]!.split(',').map(Number), eid, line };
      return { text: s, occ: null, eid, line };
    });
}

export function parseSource(src: string): { articles: SrcArticle[]; entities: Map<string, { name: string; kind: GoldKind }> } {
  const articles: SrcArticle[] = [];
  const entities = new Map<string, { name: string; kind: GoldKind }>();
  let cur: SrcArticle | null = null;
  src.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('==')) {
      cur = { id: line.slice(2).trim(), entities: [], surfaces: [] };
      articles.push(cur);
      return;
    }
    if (!cur) throw bad(`actors.src.txt line ${lineNo}: annotation before the first "== id"`);
    const art: SrcArticle = cur;
    if (line.startsWith('!')) {
      art.surfaces.push(...parseSurfaces(line.slice(1), null, lineNo));
      return;
    }
    const eq = line.indexOf(' = ');
    if (eq < 0) throw bad(`actors.src.txt line ${lineNo}: expected "<eid> [kind Name] = surfaces"`);
    const head = line.slice(0, eq).trim().split(/\s+/);
    let eid = head[0]!;
    if (eid.startsWith('~')) eid = `${art.id}/${eid.slice(1)}`;
    if (!/^[a-z0-9][a-z0-9-]*$|^wn-[0-9a-f]+\/[a-z0-9-]+$/.test(eid)) throw bad(`actors.src.txt line ${lineNo}: bad eid "${eid}"`);
    if (head.length > 1) {
      const kind = KINDS[head[1]!];
      const name = head.slice(2).join(' ');
      if (!kind || name === '') throw bad(`actors.src.txt line ${lineNo}: expected "<eid> <p|o|c|g> <Name> = ..."`);
      const prev = entities.get(eid);
      if (prev && (prev.kind !== kind || prev.name !== name)) {
        throw bad(`actors.src.txt line ${lineNo}: ${eid} was defined as ${prev.kind} "${prev.name}"`);
      }
      entities.set(eid, { name, kind });
    } else if (!entities.has(eid)) {
      throw bad(`actors.src.txt line ${lineNo}: ${eid} used before it is defined`);
    }
    if (!art.entities.includes(eid)) art.entities.push(eid);
    art.surfaces.push(...parseSurfaces(line.slice(eq + 3), eid, lineNo));
  });
  return { articles, entities };
}

/** Places the surfaces of one article: longest first, `#n` counted among the free occurrences. */
function place(text: string, a: SrcArticle): { start: number; end: number; eid: string | null }[] {
  const placed: { start: number; end: number; eid: string | null }[] = [];
  const overlaps = (s: number, e: number, among: typeof placed): boolean => among.some((p) => s < p.end && p.start < e);
  const byLength = [...a.surfaces].sort((x, y) => y.text.length - x.text.length);
  let i = 0;
  while (i < byLength.length) {
    const len = byLength[i]!.text.length;
    const longer = [...placed];
    for (; i < byLength.length && byLength[i]!.text.length === len; i++) {
      const s = byLength[i]!;
      const free = occurrences(text, s.text).filter((o) => !overlaps(o, o + len, longer));
      const where = `${a.id}, line ${s.line}, "${s.text}"`;
      if (free.length === 0) throw bad(`${where}: not found (outside longer spans)`);
      const chosen = s.occ === null ? free : s.occ.map((n) => {
        const at = free[n - 1];
        if (at === undefined) throw bad(`${where}#${n}: only ${free.length} free occurrence(s)`);
        return at;
      });
      for (const start of chosen) {
        if (overlaps(start, start + len, placed)) throw bad(`${where}: occurrence at ${start} overlaps another surface of the same length`);
        placed.push({ start, end: start + len, eid: s.eid });
      }
    }
  }
  return placed.sort((x, y) => x.start - y.start);
}

export function buildGold(articles: WikinewsArticle[], src: string): GoldArticle[] {
  const { articles: srcArticles, entities } = parseSource(src);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  let last = -1;
  return srcArticles.map((sa) => {
    const art = byId.get(sa.id);
    if (!art) throw bad(`actors.src.txt: unknown article ${sa.id}`);
    const idx = order.get(sa.id)!;
    if (idx <= last) throw bad(`actors.src.txt: ${sa.id} out of article order`);
    last = idx;
    const spans = place(art.text, sa);
    const gold: GoldArticle = {
      id: sa.id,
      entities: sa.entities.map((eid) => ({ eid, ...entities.get(eid)! })),
      mentions: spans.filter((s) => s.eid !== null).map((s) => ({ span: [s.start, s.end], text: art.text.slice(s.start, s.end), eid: s.eid! })),
    };
    const non = spans.filter((s) => s.eid === null);
    if (non.length > 0) gold.nonActors = non.map((s) => ({ span: [s.start, s.end], text: art.text.slice(s.start, s.end) }));
    return gold;
  });
}

/** Checks a gold file against its articles; returns the problems found (empty when sound). */
export function validateGold(articles: WikinewsArticle[], gold: GoldArticle[]): string[] {
  const problems: string[] = [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const global = new Map<string, { name: string; kind: GoldKind; article: string }>();
  let prevIdx = -1;
  for (const g of gold) {
    const art = byId.get(g.id);
    if (!art) { problems.push(`${g.id}: not an article`); continue; }
    const idx = articles.indexOf(art);
    if (idx <= prevIdx) problems.push(`${g.id}: out of article order`);
    prevIdx = idx;
    const eids = new Set<string>();
    for (const e of g.entities) {
      if (eids.has(e.eid)) problems.push(`${g.id}: entity ${e.eid} listed twice`);
      eids.add(e.eid);
      const scoped = e.eid.includes('/');
      if (scoped && !e.eid.startsWith(`${g.id}/`)) problems.push(`${g.id}: ${e.eid} is scoped to another article`);
      const prev = global.get(e.eid);
      if (prev && (prev.name !== e.name || prev.kind !== e.kind)) problems.push(`${g.id}: ${e.eid} is ${e.kind} "${e.name}" here, ${prev.kind} "${prev.name}" in ${prev.article}`);
      if (!prev) global.set(e.eid, { name: e.name, kind: e.kind, article: g.id });
    }
    const used = new Set<string>();
    const all = [...g.mentions.map((m) => ({ ...m, what: `mention of ${m.eid}` })), ...(g.nonActors ?? []).map((m) => ({ ...m, what: 'non-actor' }))]
      .sort((x, y) => x.span[0] - y.span[0]);
    for (const m of g.mentions) {
      if (!eids.has(m.eid)) problems.push(`${g.id}: mention "${m.text}" of unknown entity ${m.eid}`);
      used.add(m.eid);
    }
    for (const e of g.entities) if (!used.has(e.eid)) problems.push(`${g.id}: entity ${e.eid} has no mention`);
    let prevEnd = -1;
    for (const m of all) {
      const [s, e] = m.span;
      if (!(s < e && e <= art.text.length)) problems.push(`${g.id}: ${m.what} span [${s},${e}] out of range`);
      else if (art.text.slice(s, e) !== m.text) problems.push(`${g.id}: ${m.what} span [${s},${e}] is "${art.text.slice(s, e)}", not "${m.text}"`);
      if (s < prevEnd) problems.push(`${g.id}: ${m.what} "${m.text}" at ${s} overlaps the previous span`);
      prevEnd = Math.max(prevEnd, e);
    }
  }
  return problems;
}

const COMMON_START = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Some', 'According', 'After', 'As', 'But', 'And', 'For', 'With', 'By', 'Of', 'To', 'There', 'One', 'Two', 'If', 'When', 'While', 'Since', 'Unlike', 'About', 'Within', 'Many', 'Most', 'No', 'Other', 'Last', 'Earlier', 'Later', 'Also', 'Altogether', 'Efforts', 'Little', 'Satellite', 'Four', 'Foreign', 'Fires', 'Buildings', 'Rescuers', 'Guests', 'Local', 'State', 'Firefighters', 'Activists']);

/** Capitalised words no span covers (an aid for finding missed mentions, not a check). */
export function uncovered(art: WikinewsArticle, g: GoldArticle): string[] {
  const spans = [...g.mentions, ...(g.nonActors ?? [])].map((m) => m.span);
  const out: string[] = [];
  for (const m of art.text.matchAll(/\p{Lu}[\p{L}\p{N}'’.-]*/gu)) {
    const s = m.index;
    const e = s + m[0].length;
    if (spans.some(([a, b]) => s < b && a < e)) continue;
    if (COMMON_START.has(m[0]) ) continue;
    out.push(m[0]);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const articles = readArticles();
  const src = readFileSync(join(WIKINEWS_DIR, 'actors.src.txt'), 'utf8');
  const gold = buildGold(articles, src);
  const problems = validateGold(articles, gold);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  const out = gold.map((g) => JSON.stringify(g) + '\n').join('');
  const file = join(WIKINEWS_DIR, 'actors.gold.jsonl');
  if (args[0] === '--check') {
    if (readFileSync(file, 'utf8') !== out) {
      console.error('actors.gold.jsonl differs from a fresh build of actors.src.txt');
      process.exit(1);
    }
  } else if (args[0] === '--uncovered') {
    for (const g of gold) {
      if (args[1] && g.id !== args[1]) continue;
      const art = articles.find((a) => a.id === g.id)!;
      console.log(`${g.id}: ${[...new Set(uncovered(art, g))].join(', ')}`);
    }
    return;
  } else {
    writeFileSync(file, out);
  }
  const counts: Record<string, number> = {};
  const ents = new Map<string, GoldKind>();
  for (const g of gold) {
    for (const e of g.entities) ents.set(e.eid, e.kind);
    for (const m of g.mentions) {
      const k = g.entities.find((e) => e.eid === m.eid)!.kind;
      counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  const byKind: Record<string, number> = {};
  for (const k of ents.values()) byKind[k] = (byKind[k] ?? 0) + 1;
  console.log(`${gold.length} articles, ${ents.size} entities ${JSON.stringify(byKind)}, ${gold.reduce((n, g) => n + g.mentions.length, 0)} mentions ${JSON.stringify(counts)}, ${gold.reduce((n, g) => n + (g.nonActors?.length ?? 0), 0)} non-actors`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
