/**
 * Builds the verbatim part of the multi-outlet claims gold for PolNeAR's
 * train split, WITHOUT claimgraph: only the corpus's own gold annotations
 * are read. Two annotated direct quotes of articles from different
 * publishers are one utterance when they share a run of at least RUN_WORDS
 * consecutive words (or the whole of the shorter one, when it has at least
 * MIN_WORDS words) and the run is LONG_RUN words or half the shorter quote; occurrences are grouped transitively (union-find), and
 * a group is kept when two or more publishers report it.
 *
 * The corpus is read at run time and the output is written outside the
 * project (no corpus text is committed: PolNeAR has no data licence):
 *   npx tsx scripts/eval/claims-polnear-groups.ts [POLNEAR_DIR]
 * writes POLNEAR_DIR/claims-groups.json (default POLNEAR_DIR: ~/.cache/polnear).
 * Paraphrase groups found by reading go in POLNEAR_DIR/claims-groups-read.json
 * (same shape), which this script does not touch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Words of a shared run that make two quotes one utterance. */
export const RUN_WORDS = 8;
/** A shorter quote wholly inside a longer one counts from this many words. */
export const MIN_WORDS = 6;
/** A shared run shorter than LONG_RUN must cover this share of the shorter quote (a stock phrase in two long quotes is not one utterance). */
export const MIN_SHARE = 0.5;
export const LONG_RUN = 12;

const Quote = z.object({
  id: z.string(),
  speaker: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  contentSpan: z.tuple([z.number(), z.number()]).nullable().optional(),
  contentFragments: z.array(z.tuple([z.number(), z.number()])).nullable().optional(),
  direct: z.boolean().nullable().optional(),
});
export const PolnearArticle = z.object({
  id: z.string(),
  publisher: z.string(),
  date: z.string(),
  title: z.string(),
  text: z.string(),
  quotes: z.array(Quote),
});
export type PolnearArticle = z.infer<typeof PolnearArticle>;

/** One annotated quote inside the gold: where it is, never what it says. */
export const Occurrence = z.object({
  articleId: z.string(),
  publisher: z.string(),
  date: z.string(),
  quoteId: z.string(),
  /** Character spans of the content in the article text. */
  spans: z.array(z.tuple([z.number(), z.number()])),
});
export type Occurrence = z.infer<typeof Occurrence>;
export const ClaimGroups = z.object({
  about: z.string(),
  groups: z.array(z.object({ id: z.string(), how: z.enum(['verbatim', 'read']), occurrences: z.array(Occurrence).min(2) })),
});
export type ClaimGroups = z.infer<typeof ClaimGroups>;

/** Lower-case word tokens (letters and digits), curly apostrophes folded, for matching quotes to each other. */
export function quoteWords(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019']/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** The longest run of consecutive words two token lists share. */
export function longestRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1]! + 1;
        if (cur[j]! > best) best = cur[j]!;
      }
    }
    prev = cur;
  }
  return best;
}

/** Whether two quotes are taken as one utterance (see the module comment). */
export function sameQuote(a: readonly string[], b: readonly string[]): boolean {
  const short = Math.min(a.length, b.length);
  if (short < MIN_WORDS) return false;
  const run = longestRun(a, b);
  return run >= Math.min(RUN_WORDS, short) && (run >= LONG_RUN || run >= MIN_SHARE * short);
}

/** Groups of one utterance reported by two or more publishers, from the direct quotes of the gold annotations. */
export function verbatimGroups(articles: readonly PolnearArticle[]): ClaimGroups['groups'] {
  const occ: Array<Occurrence & { words: string[] }> = [];
  for (const a of articles) {
    for (const q of a.quotes) {
      if (q.direct !== true) continue;
      const spans = q.contentFragments && q.contentFragments.length > 0 ? q.contentFragments : q.contentSpan ? [q.contentSpan] : [];
      if (spans.length === 0) continue;
      const words = quoteWords(spans.map(([s, e]) => a.text.slice(s, e)).join(' '));
      if (words.length < MIN_WORDS) continue;
      occ.push({ articleId: a.id, publisher: a.publisher, date: a.date, quoteId: q.id, spans, words });
    }
  }
  // Candidates through shared MIN_WORDS-grams, then the exact check.
  const byGram = new Map<string, number[]>();
  occ.forEach((o, i) => {
    const seen = new Set<string>();
    for (let k = 0; k + MIN_WORDS <= o.words.length; k++) {
      const g = o.words.slice(k, k + MIN_WORDS).join(' ');
      if (seen.has(g)) continue;
      seen.add(g);
      byGram.set(g, [...(byGram.get(g) ?? []), i]);
    }
  });
  const parent = occ.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const checked = new Set<string>();
  for (const ids of byGram.values()) {
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const [i, j] = [ids[x]!, ids[y]!];
        const key = `${i}|${j}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const [a, b] = [occ[i]!, occ[j]!];
        if (a.articleId === b.articleId) continue;
        if (sameQuote(a.words, b.words)) parent[find(i)] = find(j);
      }
    }
  }
  const comps = new Map<number, Array<Occurrence & { words: string[] }>>();
  occ.forEach((o, i) => comps.set(find(i), [...(comps.get(find(i)) ?? []), o]));
  const groups: ClaimGroups['groups'] = [];
  for (const members of comps.values()) {
    if (new Set(members.map((m) => m.publisher)).size < 2) continue;
    members.sort((a, b) => (a.date + a.articleId + a.quoteId < b.date + b.articleId + b.quoteId ? -1 : 1));
    groups.push({
      id: `v${groups.length + 1}`,
      how: 'verbatim',
      occurrences: members.map(({ words: _w, ...o }) => o),
    });
  }
  return groups;
}

/** Reads polnear-train.jsonl from a directory. */
export function readPolnear(dir: string): PolnearArticle[] {
  return readFileSync(join(dir, 'polnear-train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => PolnearArticle.parse(JSON.parse(l)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(homedir(), '.cache', 'polnear');
  const groups = verbatimGroups(readPolnear(dir));
  const out: ClaimGroups = {
    about: `Utterances reported by two or more publishers in PolNeAR train, from gold direct quotes sharing ${RUN_WORDS} consecutive words (or all of a quote of ${MIN_WORDS}+ words); built by scripts/eval/claims-polnear-groups.ts without claimgraph.`,
    groups,
  };
  writeFileSync(join(dir, 'claims-groups.json'), JSON.stringify(out, null, 1));
  const occs = groups.reduce((s, g) => s + g.occurrences.length, 0);
  console.log(`${groups.length} groups, ${occs} occurrences -> ${join(dir, 'claims-groups.json')}`);
}
