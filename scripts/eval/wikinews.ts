/**
 * The extractor on our own Wikinews gold (issue 15): 41 real articles
 * annotated by reading before the extractor ran on them
 * (test/fixtures/wikinews/, STATEMENTS.md). Scored with the same metric as
 * PolNeAR (scripts/quote-score.ts): content one to one at character Jaccard
 * >= 0.5, speaker span overlap, e2e = both; all relations and direct quotes.
 * A prediction that matches only an `optional` gold statement (borderline by
 * the annotation rules) is neither a hit nor a false positive.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { predict } from '../eval-polnear.js';
import { charset, fragmentsOf, greedyMatch, scoreRecords, ScoredQuoteSchema, type GoldRecord, type QuoteScore, type ScoredQuote } from '../quote-score.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/wikinews/', import.meta.url));

const ArticleSchema = z.object({ id: z.string(), text: z.string(), publishedAt: z.string().nullable().optional() }).passthrough();
const GoldLineSchema = z.object({ id: z.string(), quotes: z.array(ScoredQuoteSchema.extend({ optional: z.boolean().optional() })) });

const lines = (file: string) => readFileSync(`${DIR}${file}`, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);

/** The gold records: each article's text with its annotated statements, required and optional apart. */
export function loadWikinewsGold(): { required: GoldRecord[]; optional: Map<string, ScoredQuote[]> } {
  const articles = new Map(lines('articles.jsonl').map((l) => ArticleSchema.parse(l)).map((a) => [a.id, a]));
  const required: GoldRecord[] = [];
  const optional = new Map<string, ScoredQuote[]>();
  for (const line of lines('statements.gold.jsonl').map((l) => GoldLineSchema.parse(l))) {
    const a = articles.get(line.id);
    if (!a) throw new Error(`statements.gold.jsonl names article ${line.id}, which articles.jsonl does not hold`);
    required.push({ id: a.id, text: a.text, publishedAt: a.publishedAt ?? null, quotes: line.quotes.filter((q) => !q.optional) });
    optional.set(a.id, line.quotes.filter((q) => q.optional));
  }
  return { required, optional };
}

/** Predictions that match an optional gold statement and no required one are left out (neutral). */
function withoutOptionalHits(gold: GoldRecord[], optional: Map<string, ScoredQuote[]>, pred: Map<string, ScoredQuote[]>): Map<string, ScoredQuote[]> {
  const out = new Map<string, ScoredQuote[]>();
  for (const g of gold) {
    const preds = pred.get(g.id) ?? [];
    const sets = preds.map((p) => charset(g.text, fragmentsOf(p, 'content')));
    const hitRequired = new Set(greedyMatch(g.quotes.map((q) => charset(g.text, fragmentsOf(q, 'content'))), sets, 0.5).map(([, pi]) => pi));
    const rest = preds.map((_, i) => i).filter((i) => !hitRequired.has(i));
    const opt = optional.get(g.id) ?? [];
    const hitOptional = new Set(greedyMatch(opt.map((q) => charset(g.text, fragmentsOf(q, 'content'))), rest.map((i) => sets[i]!), 0.5).map(([, k]) => rest[k]!));
    out.set(g.id, preds.filter((_, i) => !hitOptional.has(i)));
  }
  return out;
}

export interface WikinewsScore {
  articles: number;
  all: QuoteScore;
  direct: QuoteScore;
}

/** Runs the extractor on the 41 articles and scores it. */
export function scoreWikinews(): WikinewsScore {
  const { required, optional } = loadWikinewsGold();
  const pred = withoutOptionalHits(required, optional, predict(required));
  return { articles: required.length, all: scoreRecords(required, pred), direct: scoreRecords(required, pred, true) };
}

export function printWikinewsEval(): void {
  const s = scoreWikinews();
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(1));
  console.log(`\n== wikinews gold (${s.articles} real articles, annotated by reading; optional statements neutral)`);
  console.log(`all relations: e2e F1 ${f(s.all.e2e_j50.F1)} (P ${f(s.all.e2e_j50.P)} R ${f(s.all.e2e_j50.R)}), content F1 ${f(s.all.content_j50.F1)}, speaker accuracy ${f(s.all.speaker_acc_on_j50)} (gold ${s.all.gold}, predicted ${s.all.pred})`);
  console.log(`direct quotes: e2e F1 ${f(s.direct.e2e_j50.F1)} (P ${f(s.direct.e2e_j50.P)} R ${f(s.direct.e2e_j50.R)}) (gold ${s.direct.gold}, predicted ${s.direct.pred})`);
}
