/**
 * Attribution scoring on character spans: a faithful TypeScript port of the
 * shared PolNeAR scorer (score_quotes.py), so `npm run eval -- --polnear DIR`
 * prints the same figures as the shell script, and any gold in the same
 * shape (PolNeAR train, our own Wikinews annotations) is scored by one function.
 *
 * - content: one-to-one greedy match at character Jaccard >= 0.5, after
 *   trimming whitespace, quotation marks and edge punctuation from each span;
 * - speaker: right when the spans overlap (or both are absent);
 * - e2e: both. Micro-averaged over all quotes of all articles.
 * `directOnly` keeps gold and predicted quotes with direct === true.
 */
import { z } from 'zod';
import { round1 } from './eval/format.js';

const SpanT = z.tuple([z.number().int(), z.number().int()]);

/** One attribution as scored: spans into the article text (fragments win over the span when present). */
export const ScoredQuoteSchema = z.object({
  speakerSpan: SpanT.nullable().optional(),
  speakerFragments: z.array(SpanT).nullable().optional(),
  contentSpan: SpanT.nullable().optional(),
  contentFragments: z.array(SpanT).nullable().optional(),
  direct: z.boolean().optional(),
}).passthrough();
export type ScoredQuote = z.infer<typeof ScoredQuoteSchema>;

/** A gold article: polnear-train.jsonl lines, or {id, text, quotes} from our own annotations. */
export const GoldRecordSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  publishedAt: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  quotes: z.array(ScoredQuoteSchema),
}).passthrough();
export type GoldRecord = z.infer<typeof GoldRecordSchema>;

export interface PRF { P: number; R: number; F1: number; }
export interface QuoteScore {
  gold: number;
  pred: number;
  content_exact: PRF;
  content_j50: PRF;
  content_any: PRF;
  speaker_acc_on_j50: number | null;
  e2e_j50: PRF;
}

/** Characters trimmed from both ends of every span before comparing. */
const TRIM = new Set(' \t\n"\'\u201c\u201d\u2018\u2019,.;:!?\u2014-');

type Span = [number, number];

export function fragmentsOf(q: ScoredQuote, key: 'content' | 'speaker'): Span[] {
  const f = key === 'content' ? q.contentFragments : q.speakerFragments;
  if (f && f.length > 0) return f as Span[];
  const sp = key === 'content' ? q.contentSpan : q.speakerSpan;
  return sp ? [sp as Span] : [];
}

/** The set of character offsets a span list covers, each span trimmed at its edges. */
export function charset(text: string, frags: Span[]): Set<number> {
  const out = new Set<number>();
  for (const [s0, e0] of frags) {
    let s = s0;
    let e = e0;
    while (s < e && TRIM.has(text.charAt(s))) s++;
    while (e > s && TRIM.has(text.charAt(e - 1))) e--;
    for (let i = s; i < e; i++) out.add(i);
  }
  return out;
}

function interSize(a: Set<number>, b: Set<number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/**
 * One-to-one greedy matching on Jaccard >= thr, best first; ties broken as
 * Python's reverse tuple sort does (higher gold index, then higher prediction index first).
 */
export function greedyMatch(gold: Set<number>[], pred: Set<number>[], thr: number): [number, number, number][] {
  const cands: [number, number, number][] = [];
  for (let gi = 0; gi < gold.length; gi++) {
    const g = gold[gi]!;
    for (let pi = 0; pi < pred.length; pi++) {
      const p = pred[pi]!;
      const inter = interSize(g, p);
      if (inter === 0) continue;
      const jac = inter / (g.size + p.size - inter);
      if (jac >= thr) cands.push([jac, gi, pi]);
    }
  }
  cands.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number, number][] = [];
  for (const [jac, gi, pi] of cands) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    out.push([gi, pi, jac]);
  }
  return out;
}

/** Python's round() to one decimal (round half to even on the binary value). */

export function prf(tp: number, nPred: number, nGold: number): PRF {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { P: round1(100 * p), R: round1(100 * r), F1: round1(100 * f) };
}

/** One article to score: its text, the gold quotes and the predicted ones (offsets into text). */
export interface ScoredPair { text: string; gold: ScoredQuote[]; pred: ScoredQuote[]; }

/** What one content match found, for breakdowns: gold index, prediction index, speaker right. */
export interface MatchDetail { gold: number; pred: number; speakerOk: boolean; }

export function speakerOk(text: string, g: ScoredQuote, p: ScoredQuote): boolean {
  const gs = charset(text, fragmentsOf(g, 'speaker'));
  const ps = charset(text, fragmentsOf(p, 'speaker'));
  if (gs.size === 0 && ps.size === 0) return true;
  return interSize(gs, ps) > 0;
}

/** The content matches (Jaccard >= 0.5) of one article, with whether the speaker is right. */
export function matchArticle(text: string, gold: ScoredQuote[], pred: ScoredQuote[]): MatchDetail[] {
  const gsets = gold.map((q) => charset(text, fragmentsOf(q, 'content')));
  const psets = pred.map((q) => charset(text, fragmentsOf(q, 'content')));
  return greedyMatch(gsets, psets, 0.5).map(([gi, pi]) => ({ gold: gi, pred: pi, speakerOk: speakerOk(text, gold[gi]!, pred[pi]!) }));
}

const hasContent = (q: ScoredQuote): boolean => fragmentsOf(q, 'content').length > 0;

/** score_pairs() of score_quotes.py. */
export function scorePairs(pairs: ScoredPair[], directOnly = false): QuoteScore {
  let nGold = 0;
  let nPred = 0;
  let tpExact = 0;
  let tpJ50 = 0;
  let tpAny = 0;
  let tpE2e = 0;
  let spk = 0;
  for (const pair of pairs) {
    const keep = (q: ScoredQuote): boolean => hasContent(q) && (!directOnly || q.direct === true);
    const gq = pair.gold.filter(keep);
    const pq = pair.pred.filter(keep);
    const gsets = gq.map((q) => charset(pair.text, fragmentsOf(q, 'content')));
    const psets = pq.map((q) => charset(pair.text, fragmentsOf(q, 'content')));
    nGold += gq.length;
    nPred += pq.length;
    tpExact += greedyMatch(gsets, psets, 1.0).filter(([, , j]) => j === 1).length;
    tpAny += greedyMatch(gsets, psets, 1e-9).length;
    for (const [gi, pi] of greedyMatch(gsets, psets, 0.5)) {
      tpJ50++;
      const ok = speakerOk(pair.text, gq[gi]!, pq[pi]!);
      if (ok) { spk++; tpE2e++; }
    }
  }
  return {
    gold: nGold, pred: nPred,
    content_exact: prf(tpExact, nPred, nGold),
    content_j50: prf(tpJ50, nPred, nGold),
    content_any: prf(tpAny, nPred, nGold),
    speaker_acc_on_j50: tpJ50 ? round1((100 * spk) / tpJ50) : null,
    e2e_j50: prf(tpE2e, nPred, nGold),
  };
}

/**
 * Scores predictions against gold records by id (a gold article with no
 * prediction counts with no predicted quotes), as score_quotes.py GOLD PRED.
 */
export function scoreRecords(gold: GoldRecord[], pred: Map<string, ScoredQuote[]>, directOnly = false): QuoteScore {
  return scorePairs(gold.map((g) => ({ text: g.text, gold: g.quotes, pred: pred.get(g.id) ?? [] })), directOnly);
}
