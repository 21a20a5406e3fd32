/**
 * Cost of the claims step per article (actor identity, republication,
 * claims, contradiction candidates) as the store grows: the store is filled
 * through the real step (resolveActors -> writeArticle -> updateClaims) to
 * each size, then the next `sample` articles are timed. Flat numbers from
 * 10k to 100k statements mean the per-article cost does not grow with the
 * graph. In-memory embedded store, synthetic corpus (bench/corpus.ts) with
 * article texts made of the statements' sentences and one article in 25 a
 * lightly edited copy of a recent one (republication and claim copies).
 * One store grows through the sizes (the 100k store is the 10k one grown).
 * Besides time: candidate rows and round trips per article (machine-independent),
 * a per-query breakdown on stderr, and quality against the corpus's truth
 * (a repeated utterance must join its earlier report's claim; different
 * utterances must not be joined), so a cheaper step that loses claims shows.
 * Last, the growth measured side by side (`interleavedGrowth`): a second
 * store filled to the smallest size, and articles sent to it and to the
 * largest store in turn, so the machine's load weighs on both alike (the
 * per-size figures are measured minutes apart).
 *
 *   npx tsx bench/claims.ts [sizes, e.g. 10k,100k] [sample]
 */
import { fileURLToPath } from 'node:url';
import { openStore } from '../server/graph/index.js';
import type { ArticleGraph, GraphStore } from '../server/graph/types.js';
import { CLAIMS } from '../server/graph/queries/claims.js';
import { resolveActors, updateClaims } from '../server/claims/index.js';
import { stableId, statementId } from '../server/ids.js';
import { corpus, rng } from './corpus.js';

const PER_ARTICLE = 10;
const COPY_EVERY = 25;

/**
 * Runs the benchmark; keys are `<measure>@<size>`, plus `growth` (per-article time at the largest size / at the smallest),
 * `rowsGrowth` (the same for candidate rows) and `growthVsWrite` (growth divided by the article write's growth).
 */
export async function benchClaims(sizes: number[] = [10_000, 100_000], sample = 200): Promise<Record<string, number>> {
  const store = await openStore({ backend: 'embedded', path: null });
  let statements = 0;
  let candidateRows = 0;
  let roundTrips = 0;
  // Time and rows per query of the step, for the breakdown printed after each size.
  const perQuery = new Map<string, { ms: number; calls: number; rows: number }>();
  const names = new Map<string, string>(Object.entries(CLAIMS).map(([k, q]) => [q, k]));
  // Counts the candidate rows the step reads (the work that must not grow) and its round trips.
  const counting: Pick<GraphStore, 'run'> = {
    run: async (q, p) => {
      const t0 = performance.now();
      const rows = await store.run(q, p);
      const name = names.get(q) ?? 'other';
      const e = perQuery.get(name) ?? { ms: 0, calls: 0, rows: 0 };
      perQuery.set(name, { ms: e.ms + performance.now() - t0, calls: e.calls + 1, rows: e.rows + rows.length });
      roundTrips += 1;
      if (q === CLAIMS.statementCandidates || q === CLAIMS.articleCandidates) candidateRows += rows.length;
      return rows;
    },
  };
  const next = articleFeed();
  let n = 0;
  // The corpus's truth: a statement repeating an utterance (same speaker, same text) reported within 14 days
  // by another article must join a claim with it; different utterances are never one claim.
  const twinsOf = new Map<string, { id: string; articleId: string; day: number }[]>();
  const DAY_MS = 86_400_000;
  const twinKey = (speakerId: string | null, content: string) => `${speakerId}\u0000${content}`;
  const articleDay = (g: ArticleGraph) => Date.parse(g.article.publishedAt ?? g.article.retrievedAt) / DAY_MS;
  const remember = (g: ArticleGraph) => {
    for (const st of g.statements) {
      const k = twinKey(st.speakerId, st.content);
      twinsOf.set(k, [...(twinsOf.get(k) ?? []), { id: st.id, articleId: g.article.id, day: articleDay(g) }]);
    }
  };
  let expected = 0;
  let found = 0;
  let joined = 0;
  let joinedRight = 0;
  const score = async (g: ArticleGraph) => {
    for (const st of g.statements) {
      const twins = new Set((twinsOf.get(twinKey(st.speakerId, st.content)) ?? [])
        .filter((t) => t.articleId !== g.article.id && Math.abs(t.day - articleDay(g)) <= 14)
        .map((t) => t.id));
      const rows = await store.run(
        'MATCH (s:Statement {id: $id})-[:INSTANCE_OF]->(c:Claim) RETURN [(c)<-[:INSTANCE_OF]-(o:Statement) | o.id] AS members',
        { id: st.id },
      );
      const members = Array.isArray(rows[0]?.members) ? rows[0].members.map(String) : null;
      const withTwin = members !== null && members.some((m) => twins.has(m));
      if (twins.size > 0) expected += 1;
      if (twins.size > 0 && withTwin) found += 1;
      if (members !== null) joined += 1;
      if (withTwin) joinedRight += 1;
    }
  };
  const step = async (g0: ArticleGraph) => {
    const t = await claimStep(store, counting, g0);
    statements += t.statements;
    n += 1;
    return t;
  };

  const out: Record<string, number> = {};
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      while (statements < size) {
        const g = next();
        await step(g);
        remember(g);
        if (n % 1000 === 0) process.stderr.write(`bench claims: filled ${statements} statements\n`);
      }
      const claims: number[] = [];
      const writes: number[] = [];
      candidateRows = 0;
      roundTrips = 0;
      perQuery.clear();
      expected = found = joined = joinedRight = 0;
      for (let i = 0; i < sample; i++) {
        const g = next();
        const t = await step(g);
        claims.push(t.claims);
        writes.push(t.write);
        await score(g);
        remember(g);
      }
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      out[`claimStepMsPerArticle@${label}`] = mean(claims);
      out[`claimStepP95Ms@${label}`] = percentile(claims, 95);
      out[`articleWriteMsPerArticle@${label}`] = mean(writes);
      out[`candidateRowsPerArticle@${label}`] = candidateRows / sample;
      out[`roundTripsPerArticle@${label}`] = roundTrips / sample;
      // Against the corpus's truth (repeated utterances): share of repeats that joined a claim with their twin,
      // and share of claim joins that were a repeat's (the rest joined a different utterance).
      out[`twinRecall@${label}`] = expected === 0 ? NaN : found / expected;
      out[`joinPrecision@${label}`] = joined === 0 ? NaN : joinedRight / joined;
      out[`twinsExpected@${label}`] = expected;
      const breakdown = [...perQuery.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([k, e]) => `${k} ${(e.ms / sample).toFixed(2)} ms, ${(e.calls / sample).toFixed(2)} calls, ${(e.rows / sample).toFixed(1)} rows`);
      process.stderr.write(`bench claims: per article at ${label}: ${breakdown.join('; ')}\n`);
      const [stats] = await store.run(`RETURN COUNT { MATCH (c:Claim) } AS claims, COUNT { MATCH ()-[r:REPUBLISHES]->() } AS republishes, COUNT { MATCH ()-[r:CONTRADICTS]->() } AS contradicts`);
      // Band keys on their members (schema 11): how many memberships, and how many distinct keys, the index in memory holds.
      const [bands] = await store.run('MATCH (s:Statement) WHERE s._bands IS NOT NULL UNWIND s._bands AS key RETURN count(key) AS memberships, count(DISTINCT key) AS keys');
      out[`claims@${label}`] = Number(stats?.claims ?? 0);
      out[`republishes@${label}`] = Number(stats?.republishes ?? 0);
      out[`contradictions@${label}`] = Number(stats?.contradicts ?? 0);
      out[`statementBandKeys@${label}`] = Number(bands?.keys ?? 0);
      out[`statementBandMemberships@${label}`] = Number(bands?.memberships ?? 0);
      process.stderr.write(`bench claims: ${JSON.stringify(Object.fromEntries(Object.entries(out).filter(([k]) => k.endsWith(`@${label}`))))}\n`);
    }
    const labels = [...sizes].sort((a, b) => a - b).map((s) => (s >= 1000 ? `${s / 1000}k` : String(s)));
    const [lo, hi] = [labels[0], labels[labels.length - 1]];
    out.growth = out[`claimStepMsPerArticle@${hi}`]! / out[`claimStepMsPerArticle@${lo}`]!;
    out.rowsGrowth = out[`candidateRowsPerArticle@${hi}`]! / out[`candidateRowsPerArticle@${lo}`]!;
    // The article write runs on the same machine at the same time: the claims step's time relative to it discounts load swings.
    out.growthVsWrite = out.growth / (out[`articleWriteMsPerArticle@${hi}`]! / out[`articleWriteMsPerArticle@${lo}`]!);
    if (labels.length > 1) Object.assign(out, await interleaved({ store, runner: counting, next }, Math.min(...sizes), sample, lo!, hi!));
  } finally {
    await store.close();
  }
  return out;
}

/**
 * The growth again with both sizes measured side by side: a second store is filled to the smallest size from the
 * same corpus, then articles go to it and to the largest store in turn, one each, so a swing in the machine's load
 * (the figures above are minutes apart) weighs on both sides alike.
 */
async function interleaved(
  large: { store: GraphStore; runner: Pick<GraphStore, 'run'>; next: () => ArticleGraph },
  smallSize: number,
  sample: number,
  lo: string,
  hi: string,
): Promise<Record<string, number>> {
  const small = await openStore({ backend: 'embedded', path: null });
  try {
    const nextSmall = articleFeed();
    for (let statements = 0; statements < smallSize; ) statements += (await claimStep(small, small, nextSmall())).statements;
    // Each store through the runner it was filled through: the step keeps its band index per runner object, and a new
    // one would read the whole index into memory on its first article (about a second at 100k).
    const times = { small: [] as number[], large: [] as number[], smallWrite: [] as number[], largeWrite: [] as number[] };
    for (let i = 0; i < sample; i++) {
      const a = await claimStep(small, small, nextSmall());
      const b = await claimStep(large.store, large.runner, large.next());
      times.small.push(a.claims);
      times.smallWrite.push(a.write);
      times.large.push(b.claims);
      times.largeWrite.push(b.write);
    }
    return {
      [`interleavedClaimStepMs@${lo}`]: mean(times.small),
      [`interleavedClaimStepMs@${hi}`]: mean(times.large),
      interleavedGrowth: mean(times.large) / mean(times.small),
      interleavedWriteGrowth: mean(times.largeWrite) / mean(times.smallWrite),
    };
  } finally {
    await small.close();
  }
}

/** The corpus's articles in order (seed 11), one in COPY_EVERY a light copy of a recent one. */
function articleFeed(): () => ArticleGraph {
  const gen = corpus({ seed: 11, statementsPerArticle: PER_ARTICLE, days: 365 });
  const rand = rng(7);
  const recent: ArticleGraph[] = [];
  let n = 0;
  return () => {
    n += 1;
    const g = withText(gen.nextGraph());
    if (n % COPY_EVERY === 0 && recent.length > 0) return copyOf(recent[Math.floor(rand() * recent.length)]!, n);
    recent.push(g);
    if (recent.length > 500) recent.shift();
    return g;
  };
}

/** One article through the step as ingest runs it (identity, write, claims): ms of the claims work and of the write. */
async function claimStep(store: GraphStore, runner: Pick<GraphStore, 'run'>, g0: ArticleGraph): Promise<{ claims: number; write: number; statements: number }> {
  const t0 = performance.now();
  const g = await resolveActors(runner, g0);
  const t1 = performance.now();
  await store.writeArticle(g);
  const t2 = performance.now();
  await updateClaims(runner, g);
  const t3 = performance.now();
  return { claims: t1 - t0 + (t3 - t2), write: t2 - t1, statements: g.statements.length };
}

/** The synthetic graph's article text is blank; give it the statements' sentences so republication has text to compare. */
function withText(g: ArticleGraph): ArticleGraph {
  return { ...g, article: { ...g.article, text: g.statements.map((s) => s.sentence).join(' ') } };
}

/** A light copy of an article under a new id (an aggregator's rerun): same statements, one sentence added. */
function copyOf(g: ArticleGraph, n: number): ArticleGraph {
  const id = stableId('art', 'copy', String(n));
  return {
    ...g,
    source: { id: stableId('src', 'aggregator'), name: 'Aggregator', domain: null },
    article: { ...g.article, id, contentHash: id, title: `${g.article.title} (via Aggregator)`, text: `${g.article.text} Read more on our site.` },
    statements: g.statements.map((s) => ({ ...s, id: statementId(id, s.start, s.end) })),
  };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parse = (x: string) => Number.parseInt(x, 10) * (/k$/i.test(x) ? 1000 : /m$/i.test(x) ? 1_000_000 : 1);
  const sizes = process.argv[2] ? process.argv[2].split(',').map(parse) : undefined;
  const sample = process.argv[3] ? Number(process.argv[3]) : undefined;
  const r = await benchClaims(sizes, sample);
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(34)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}
