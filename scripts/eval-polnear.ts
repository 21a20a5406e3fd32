/**
 * `npm run eval -- --polnear DIR`: the extractor on PolNeAR's train split
 * (DIR/polnear-train.jsonl, converted by ../shared/eval/polnear/get-polnear.sh;
 * never committed). Runs the same path as `claimgraph extract --jsonl` in
 * process, scores with scripts/quote-score.ts (the port of score_quotes.py)
 * and prints the same figures as score.sh, then a breakdown for development:
 * recall by gold quote type and cue, false positives by cue lemma, and the
 * kinds of speaker errors. `--show KIND` prints a few examples of one kind
 * (to the terminal only: corpus text must not enter the repository).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleOutput } from '../server/cli/extract.js';
import type { Statement } from '../server/extract/index.js';
import { ingestRecord } from '../server/ingest/index.js';
import {
  GoldRecordSchema, fragmentsOf, matchArticle, scoreRecords, type GoldRecord, type QuoteScore, type ScoredQuote,
} from './quote-score.js';
import { pct, prfText } from './eval/format.js';

/** A statement as the scorer reads it (what score.sh maps from the CLI's JSON). */
export interface PredQuote extends ScoredQuote { cue: string; cueClass: string; speakerText: string | null; }

export function statementQuote(s: Statement, text?: string): PredQuote {
  const parts = s.content.parts;
  return {
    contentSpan: s.content.span,
    ...(parts && parts.length > 0 ? { contentFragments: parts } : {}),
    speakerSpan: s.speaker?.span ?? null,
    direct: s.direct,
    cue: s.cue.lemma,
    cueClass: s.cue.class,
    speakerText: s.speaker && text ? text.slice(s.speaker.span[0], s.speaker.span[1]) : null,
  };
}

/** Reads DIR/polnear-train.jsonl (or a gold file given directly). */
export function loadGoldRecords(path: string): GoldRecord[] {
  const file = path.endsWith('.jsonl') ? path : join(path, 'polnear-train.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => GoldRecordSchema.parse(JSON.parse(l)));
}

/** Predictions for each record, from the same ingest + extract path as `claimgraph extract --jsonl`. */
export function predict(records: GoldRecord[]): Map<string, PredQuote[]> {
  const out = new Map<string, PredQuote[]>();
  for (const r of records) {
    const publishedAt = r.publishedAt ?? r.date ?? undefined;
    let quotes: PredQuote[] = [];
    try {
      const arts = ingestRecord({ id: r.id, text: r.text, ...(publishedAt ? { publishedAt } : {}) }, r.id);
      quotes = arts.flatMap((a) => articleOutput(a).statements.map((s) => statementQuote(s, r.text)));
    } catch {
      quotes = [];
    }
    out.set(r.id, quotes);
  }
  return out;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);

interface Tally { n: number; content: number; e2e: number; }
const tally = (): Tally => ({ n: 0, content: 0, e2e: 0 });

function bump(m: Map<string, Tally>, k: string, content: boolean, e2e: boolean): void {
  const t = m.get(k) ?? tally();
  t.n++;
  if (content) t.content++;
  if (e2e) t.e2e++;
  m.set(k, t);
}

function count(m: Map<string, number>, k: string): void { m.set(k, (m.get(k) ?? 0) + 1); }

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** What went wrong with a speaker whose content matched. */
function speakerErrorKind(text: string, g: ScoredQuote, p: PredQuote): string {
  const gs = fragmentsOf(g, 'speaker');
  const ps = fragmentsOf(p, 'speaker');
  const gText = gs.map(([a, b]) => text.slice(a, b)).join(' ');
  if (gs.length === 0) return 'gold has no source';
  if (ps.length === 0) return PRONOUNS.has(gText.toLowerCase()) ? 'none predicted, gold pronoun' : /^[a-z]/.test(gText) ? 'none predicted, gold lowercase phrase' : /^(the|a|an) /i.test(gText) ? 'none predicted, gold "the/a ..." phrase' : 'none predicted, gold capitalised';
  const [gsA] = gs[0]!;
  const [psA] = ps[0]!;
  return psA < gsA ? 'predicted before gold' : 'predicted after gold';
}

export interface Breakdown {
  byType: Map<string, Tally>;
  byCue: Map<string, Tally>;
  fpByCue: Map<string, number>;
  spkErrors: Map<string, number>;
  examples: Map<string, string[]>;
}

/** Per-category figures for development. */
export function breakdown(records: GoldRecord[], pred: Map<string, PredQuote[]>, maxExamples = 0): Breakdown {
  const b: Breakdown = { byType: new Map(), byCue: new Map(), fpByCue: new Map(), spkErrors: new Map(), examples: new Map() };
  const example = (kind: string, s: string): void => {
    if (maxExamples <= 0) return;
    const list = b.examples.get(kind) ?? [];
    if (list.length < maxExamples) list.push(s);
    b.examples.set(kind, list);
  };
  for (const r of records) {
    const gold = r.quotes.filter((q) => fragmentsOf(q, 'content').length > 0);
    const ps = (pred.get(r.id) ?? []).filter((q) => fragmentsOf(q, 'content').length > 0);
    const matches = matchArticle(r.text, gold, ps);
    const byGold = new Map(matches.map((m) => [m.gold, m]));
    const matchedPred = new Set(matches.map((m) => m.pred));
    const show = (q: ScoredQuote): string => {
      const c = fragmentsOf(q, 'content').map(([a, z]) => r.text.slice(a, z)).join(' … ');
      const sp = fragmentsOf(q, 'speaker').map(([a, z]) => r.text.slice(a, z)).join(' ');
      const [a0] = fragmentsOf(q, 'content')[0]!;
      const ctx = r.text.slice(Math.max(0, a0 - 120), Math.min(r.text.length, a0 + c.length + 80)).replace(/\n/g, ' ¶ ');
      return `[${r.id}] speaker=${JSON.stringify(sp)} content=${JSON.stringify(c.slice(0, 160))}\n      …${ctx}…`;
    };
    gold.forEach((g, gi) => {
      const m = byGold.get(gi);
      const type = str(g.quoteType) || (g.direct ? 'direct' : 'indirect');
      const cue = str(g.cue).toLowerCase().replace(/\s+/g, ' ').slice(0, 30) || '(none)';
      bump(b.byType, type, !!m, !!m?.speakerOk);
      bump(b.byCue, cue, !!m, !!m?.speakerOk);
      if (!m) example(`fn:${cue}`, show(g));
      if (!m) example(`fn-type:${type}`, show(g));
      if (m && !m.speakerOk) {
        const p = ps[m.pred]!;
        const kind = speakerErrorKind(r.text, g, p);
        count(b.spkErrors, kind);
        example(`spk:${kind}`, `${show(g)}\n      predicted speaker=${JSON.stringify(p.speakerText)} cue=${p.cue}`);
      }
    });
    ps.forEach((p, pi) => {
      if (matchedPred.has(pi)) return;
      count(b.fpByCue, `${p.cue} (${p.direct ? 'direct' : 'indirect'})`);
      example(`fp:${p.cue}`, `${show(p)} cue=${p.cue}`);
    });
  }
  return b;
}

const f1 = (s: QuoteScore): string => prfText(s.e2e_j50);

/** Prints the score.sh figures, then the breakdown. */
export function printPolnear(dir: string, opts: { show?: string; top?: number } = {}): void {
  const records = loadGoldRecords(dir);
  const t0 = performance.now();
  const pred = predict(records);
  const ms = performance.now() - t0;
  const all = scoreRecords(records, pred);
  const direct = scoreRecords(records, pred, true);
  console.log(`== PolNeAR (${records.length} articles, ${all.gold} relations; extraction ${(ms / 1000).toFixed(1)} s)`);
  console.log(`all: ${JSON.stringify(all)}`);
  console.log(`direct: ${JSON.stringify(direct)}`);
  console.log(`polnear-train e2e_f1_all=${all.e2e_j50.F1} e2e_f1_direct=${direct.e2e_j50.F1} content_f1_all=${all.content_j50.F1} speaker_acc_all=${all.speaker_acc_on_j50}`);
  console.log(`e2e all ${f1(all)} | direct ${f1(direct)} | content all P ${all.content_j50.P} R ${all.content_j50.R}`);
  const b = breakdown(records, pred, opts.show ? 12 : 0);
  const top = opts.top ?? 40;
  const row = (k: string, t: Tally): string => `  ${k.padEnd(32)} ${String(t.n).padStart(6)}  content ${pct(t.content / t.n)}  e2e ${pct(t.e2e / t.n)}  missed ${t.n - t.content}`;
  console.log('\nrecall by gold quote type:');
  for (const [k, t] of [...b.byType].sort((x, y) => y[1].n - x[1].n)) console.log(row(k, t));
  console.log(`\nrecall by gold cue (top ${top} by content misses):`);
  for (const [k, t] of [...b.byCue].sort((x, y) => (y[1].n - y[1].content) - (x[1].n - x[1].content)).slice(0, top)) console.log(row(k, t));
  console.log('\nspeaker errors (content matched, speaker span wrong):');
  for (const [k, n] of [...b.spkErrors].sort((x, y) => y[1] - x[1])) console.log(`  ${k.padEnd(40)} ${n}`);
  console.log(`\nfalse positives by predicted cue (top ${top}):`);
  for (const [k, n] of [...b.fpByCue].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${k.padEnd(40)} ${n}`);
  if (opts.show) {
    console.log(`\nexamples of ${opts.show}:`);
    for (const [k, xs] of b.examples) if (k === opts.show || k.startsWith(opts.show)) for (const x of xs) console.log(`  ${k}: ${x}`);
  }
}
