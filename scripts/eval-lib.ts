/**
 * Scoring of extracted statements against a hand-made gold file
 * (test/fixtures/*.gold.json). Used by `npm run eval` and by
 * test/extract/eval.test.ts, so the printed numbers and the test bar agree.
 *
 * Articles are delimited without the ingest splitter (to keep extraction
 * measurable on its own): each gold article's title is located in the page
 * and its body is the run of long lines after it. The lead may switch this to
 * server/ingest's splitter later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Statement } from '../server/extract/index.js';

export interface GoldActor { name: string; kind: string; aliases: string[]; }
export interface GoldStatement {
  id: string; required: boolean; speaker: string; speakerAlt?: string[]; cue: string | null; direct: boolean;
  content: string; about: string[]; addressee?: string; via?: string; date: string | null;
}
export interface GoldArticle {
  title: string; source: string | null; relativeTime: string | null;
  /** Optional explicit date (fixtures written for this project carry one). */
  publishedAt?: string;
  statements: GoldStatement[];
}
export interface Gold { document: string; retrievedAt: string; actors: GoldActor[]; articles: GoldArticle[]; }

export interface ArticleText { title: string; text: string; publishedAt: string; }

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

/** The gold fixtures the eval runs over, by base name. */
export const FIXTURE_NAMES = ['seed-page', 'wire-story', 'long-quotes'];

export function loadGold(name: string): { gold: Gold; page: string } {
  const gold = JSON.parse(readFileSync(join(FIXTURES, `${name}.gold.json`), 'utf8')) as Gold;
  const page = readFileSync(join(FIXTURES, gold.document), 'utf8');
  return { gold, page };
}

/** "an hour ago", "2 hours ago", "3 days ago" -> milliseconds; unknown -> 0. */
export function relativeMs(rel: string | null): number {
  if (!rel) return 0;
  const m = /^(an?|\d+)\s+(minute|hour|day|week)s?\s+ago$/i.exec(rel.trim());
  if (!m) return 0;
  const n = /^an?$/i.test(m[1]!) ? 1 : Number(m[1]);
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 }[m[2]!.toLowerCase() as 'minute'] ?? 0;
  return n * unit;
}

/** Finds each gold article's body in the page: the long lines right after its title line. */
export function delimitArticles(page: string, gold: Gold): ArticleText[] {
  const lines = page.split('\n');
  const out: ArticleText[] = [];
  for (const a of gold.articles) {
    const at = lines.findIndex((l) => l.trim() === a.title.trim());
    const body: string[] = [];
    if (at >= 0) {
      for (let i = at + 1; i < lines.length; i++) {
        const l = lines[i]!;
        // blank lines stay (they separate paragraphs of long quotations); a short line ends the body
        if (l.trim() === '') { if (body.length > 0) body.push(l); continue; }
        if (l.trim().length < 40 && body.length > 0) break;
        if (l.trim().length < 40) continue;
        body.push(l);
      }
    }
    const published = a.publishedAt ?? new Date(Date.parse(gold.retrievedAt) - relativeMs(a.relativeTime)).toISOString();
    out.push({ title: a.title, text: body.join('\n').trimEnd(), publishedAt: published });
  }
  return out;
}

/** Lowercased word tokens, punctuation dropped: the gold's content comparison. */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 between two texts (bag of words). */
export function tokenF1(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of y) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of x) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { common++; counts.set(w, c - 1); }
  }
  if (common === 0) return 0;
  const p = common / x.length;
  const r = common / y.length;
  return (2 * p * r) / (p + r);
}

/** Cue classes that are not speech (docs/extraction.md, scope). */
const NON_SPEECH = new Set(['belief', 'intention', 'evidence']);

/** Names compare case-insensitively and without a leading article ("The head of X" = "head of X"). */
const nameKey = (s: string): string => s.toLowerCase().replace(/^(?:the|a|an)\s+/, '');

function namesFor(gold: Gold, name: string): Set<string> {
  const a = gold.actors.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return new Set([name, ...(a?.aliases ?? [])].map(nameKey));
}

/** The gold matching rule for speakers: name or alias, case-insensitive, or an accepted alternative. */
export function speakerMatches(gold: Gold, g: GoldStatement, predicted: string | null | undefined): boolean {
  if (!predicted) return false;
  const p = nameKey(predicted);
  return [g.speaker, ...(g.speakerAlt ?? [])].some((n) => namesFor(gold, n).has(p));
}

function actorMatches(gold: Gold, goldName: string, predicted: string): boolean {
  return namesFor(gold, goldName).has(nameKey(predicted));
}

export interface ArticleScore {
  title: string;
  tp: number; fp: number; fn: number;
  matched: { gold: GoldStatement; pred: Statement }[];
  missed: GoldStatement[];
  wrong: Statement[];
  /** Required gold statements with a content match (any speaker), and whether the speaker was right. */
  speakerChecks: { gold: GoldStatement; ok: boolean }[];
}

export interface Score {
  name: string;
  articles: ArticleScore[];
  precision: number; recall: number; f1: number;
  speakerAccuracy: number; directAccuracy: number; cueAccuracy: number; aboutRecall: number; dateAccuracy: number;
  dateErrors: string[];
}

/** True when a predicted time agrees with a gold date ("2025-08-18", "2025-08", or null = no time expression). */
export function dateMatches(goldDate: string | null, st: Statement): boolean {
  if (goldDate === null) return st.saidAt.text === null;
  if (!st.saidAt.value) return false;
  if (/^\d{4}-\d{2}$/.test(goldDate)) return st.saidAt.precision === 'month' && st.saidAt.value.startsWith(goldDate);
  if (/^\d{4}-W\d{2}$/.test(goldDate)) return st.saidAt.precision === 'week' && isoWeek(st.saidAt.value) === goldDate;
  return st.saidAt.value === goldDate && (st.saidAt.precision === 'day');
}

/** ISO week of a date ("2025-09-22" -> "2025-W39"). */
export function isoWeek(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of the same week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Scores one article's predictions against its gold statements (greedy one-to-one by best content F1). */
export function scoreArticle(gold: Gold, article: GoldArticle, preds: Statement[]): ArticleScore {
  const pairs: { gi: number; pi: number; f1: number }[] = [];
  article.statements.forEach((g, gi) => preds.forEach((p, pi) => {
    const f1 = tokenF1(p.content.text, g.content);
    if (f1 < 0.5) return;
    // a prediction with no speaker may sit on an optional statement (neutral), never on a required one
    const speakerOk = speakerMatches(gold, g, p.speaker?.name) || (p.speaker === null && !g.required);
    if (speakerOk) pairs.push({ gi, pi, f1 });
  }));
  pairs.sort((a, b) => b.f1 - a.f1);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const matched: ArticleScore['matched'] = [];
  for (const { gi, pi } of pairs) {
    if (gUsed.has(gi) || pUsed.has(pi)) continue;
    gUsed.add(gi); pUsed.add(pi);
    if (article.statements[gi]!.required) matched.push({ gold: article.statements[gi]!, pred: preds[pi]! });
  }
  const missed = article.statements.filter((g, gi) => g.required && !gUsed.has(gi));
  // beliefs, intentions and evidence (issue 15) are out of the scope these gold files were written for: unlisted ones are neutral
  const wrong = preds.filter((p, pi) => !pUsed.has(pi) && !NON_SPEECH.has(p.cue.class));
  const speakerChecks = article.statements.filter((g) => g.required).flatMap((g) => {
    const best = preds.map((p) => ({ p, f1: tokenF1(p.content.text, g.content) })).filter((x) => x.f1 >= 0.5).sort((a, b) => b.f1 - a.f1);
    if (best.length === 0) return [];
    return [{ gold: g, ok: best.some((x) => speakerMatches(gold, g, x.p.speaker?.name)) }];
  });
  return { title: article.title, tp: matched.length, fp: wrong.length, fn: missed.length, matched, missed, wrong, speakerChecks };
}

/**
 * A statement whose content is one utterance in several parts ("'A,' she
 * said. 'B.'") is scored as one statement per part: the gold files were
 * written with one statement per quotation, before contents had parts.
 */
export function byPart(st: Statement, text: string): Statement[] {
  const parts = st.content.parts;
  if (!parts || parts.length < 2) return [st];
  return parts.map((span) => ({ ...st, content: { text: text.slice(span[0], span[1]), span } }));
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Runs extract() over every article of a fixture and scores it. */
export function scoreFixture(name: string): Score {
  const { gold, page } = loadGold(name);
  const texts = delimitArticles(page, gold);
  const articles = gold.articles.map((a, i) => {
    const t = texts[i]!;
    const res = extract(t.text, { publishedAt: t.publishedAt });
    return scoreArticle(gold, a, res.statements.flatMap((st) => byPart(st, t.text)));
  });
  const tp = articles.reduce((n, a) => n + a.tp, 0);
  const fp = articles.reduce((n, a) => n + a.fp, 0);
  const fn = articles.reduce((n, a) => n + a.fn, 0);
  const matched = articles.flatMap((a) => a.matched);
  const checks = articles.flatMap((a) => a.speakerChecks);
  const withCue = matched.filter((m) => m.gold.cue !== null);
  const aboutGold = matched.flatMap((m) => m.gold.about.map((g) => ({ g, m })));
  const dateErrors = matched.filter((m) => !dateMatches(m.gold.date, m.pred)).map((m) => `${m.gold.id} (gold ${m.gold.date}, got ${m.pred.saidAt.value}/${m.pred.saidAt.precision})`);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    name, articles, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    speakerAccuracy: ratio(checks.filter((c) => c.ok).length, checks.length),
    directAccuracy: ratio(matched.filter((m) => m.gold.direct === m.pred.direct).length, matched.length),
    cueAccuracy: ratio(withCue.filter((m) => m.gold.cue === m.pred.cue.lemma).length, withCue.length),
    aboutRecall: ratio(aboutGold.filter(({ g, m }) => m.pred.about.some((a) => actorMatches(gold, g, a.name))).length, aboutGold.length),
    dateAccuracy: ratio(matched.length - dateErrors.length, matched.length),
    dateErrors,
  };
}
