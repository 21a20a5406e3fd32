/**
 * The derived steps: what runs after an article's own write, over the
 * graph, and marks the article done with its version (`Article.claimsVersion`,
 * `Article.eventsVersion`). One list, one runner: ingest, import, migrate and
 * backfill all run or finish the steps through here.
 *
 * A step is idempotent (it MERGEs on stable ids and marks the article last),
 * so a crash between an article's commit and a step leaves the article
 * `pending`, and running the step again finishes the job.
 */
import { readWrittenArticleGraph, type ArticleGraph, type GraphStore } from '../graph/index.js';
import { claimsState, updateClaimsBatch, CLAIMS_VERSION, type ComputedArticleKeys } from '../claims/index.js';
import { eventsState, runEventsStepBatch, EVENTS_VERSION } from '../events/index.js';
import type { ExtractedEvent } from '../extract/index.js';
import { AppError } from '../errors.js';
import { articleOfGraph } from './build.js';
import { crashPoint } from './crash-point.js';
import { extractArticleEvents } from './statements.js';

export type StepName = 'claims' | 'events';
export type StepState = 'absent' | 'done' | 'pending';

/** What a step runs on: a stored article's graph, and its events when the caller has them (ingest: the same parse as its statements). */
export interface StepInput {
  graph: ArticleGraph;
  events?: ExtractedEvent[];
  /** The article's band keys when the caller computed them with its extraction (pool.ts), with the text they came from. */
  articleKeys?: ComputedArticleKeys;
}

export interface DerivedStep {
  readonly name: StepName;
  /** Stored on the article when the step is done; raised when the step changes what it writes. */
  readonly version: number;
  /** Where an article stands: not stored, done at this version, or pending. One indexed read. */
  state(store: GraphStore, articleId: string): Promise<StepState>;
  /**
   * Runs the step for stored articles written together (often one), in input order, storing what running it on
   * each in turn stores, in a few round trips for the whole batch, and marks them done; the number of things it
   * wrote for each.
   */
  run(store: GraphStore, inputs: readonly StepInput[], opts?: Pick<StepOptions, 'beforeWrites'>): Promise<number[]>;
}

/** The derived steps, in the order they run: claims (and republication, contradictions), then events. */
export const DERIVED_STEPS: readonly DerivedStep[] = [
  {
    name: 'claims',
    version: CLAIMS_VERSION,
    state: claimsState,
    run: async (store, inputs, opts = {}) =>
      (
        await updateClaimsBatch(
          store,
          inputs.map((i) => i.graph),
          { afterLinks: () => crashPoint('claims-after-links'), beforeWrites: opts.beforeWrites },
          inputs.map((i) => i.articleKeys),
        )
      ).map((u) => u.claims.length),
  },
  {
    name: 'events',
    version: EVENTS_VERSION,
    state: eventsState,
    run: async (store, inputs, opts = {}) => {
      await opts.beforeWrites?.();
      return (await runEventsStepBatch(store, inputs.map(({ graph, events }) => ({ graph, events: events ?? extractArticleEvents(articleOfGraph(graph)) })))).map((w) => w.length);
    },
  },
];

export interface StepOptions {
  /** Steps not to run (import of a file that carries the article's events writes them itself). */
  skip?: readonly StepName[];
  /** Run a step again when it fails in a way that may pass (retriable STORE_UNAVAILABLE), at most three times. */
  retry?: boolean;
  /** States the caller has read already in this write unit (saves their read). */
  known?: Partial<Record<StepName, StepState>>;
  /**
   * Awaited by each step before its first write (after its reads and decisions): a write the caller started
   * beside the steps (ingest's next articles, pipeline/batch.ts), which no write of theirs may run beside.
   */
  beforeWrites?: () => Promise<unknown>;
}

/** What the steps wrote, per step that ran. */
export type StepCounts = Partial<Record<StepName, number>>;

const chosen = (opts: StepOptions) => DERIVED_STEPS.filter((s) => !opts.skip?.includes(s.name));

/** Runs every derived step for an article its caller has just written (inside the same write unit). */
export async function runDerivedSteps(store: GraphStore, input: StepInput, opts: StepOptions = {}): Promise<StepCounts> {
  return (await runDerivedStepsBatch(store, [input], opts))[0]!;
}

/**
 * Runs every derived step for articles its caller has just written together
 * (inside the same write unit): each step for the whole batch, in step
 * order. What each article's steps
 * wrote, in input order. A step that fails fails the batch (its articles
 * stay pending, and are finished on re-ingest).
 */
export async function runDerivedStepsBatch(store: GraphStore, inputs: readonly StepInput[], opts: StepOptions = {}): Promise<StepCounts[]> {
  const counts: StepCounts[] = inputs.map(() => ({}));
  for (const step of chosen(opts)) {
    const wrote = await attempt(() => step.run(store, inputs, { beforeWrites: opts.beforeWrites }), opts.retry === true);
    wrote.forEach((n, i) => (counts[i]![step.name] = n));
  }
  return counts;
}

/**
 * Finishes the pending derived steps of an article already stored (a crash
 * between its write and a step, or stored before the step existed or
 * changed), from what the article's own write stored
 * (readWrittenArticleGraph: its statements, and its actors as the article
 * named them), not from a new extraction, whose actors may resolve
 * differently today, nor from the actor nodes, which gathered the names of
 * every article since: exactly as the clean run would have done it. Null
 * when a step is pending and the article is not stored.
 */
export async function finishDerivedSteps(store: GraphStore, articleId: string, opts: StepOptions = {}): Promise<StepCounts | null> {
  const counts: StepCounts = {};
  let graph: ArticleGraph | null | undefined;
  for (const step of chosen(opts)) {
    if ((opts.known?.[step.name] ?? (await step.state(store, articleId))) !== 'pending') continue;
    if (graph === undefined) graph = await readWrittenArticleGraph(store, articleId);
    if (graph === null) return null;
    const input = { graph };
    counts[step.name] = (await attempt(() => step.run(store, [input]), opts.retry === true))[0];
  }
  return counts;
}

/**
 * Runs a step's work, again when it failed in a way that may pass (a store
 * process that crashed and is restarting: retriable STORE_UNAVAILABLE) and
 * `retry` is set, at most three times. Safe because each write is
 * idempotent: the article write is a no-op once stored, and the steps MERGE
 * on stable ids and mark the article last.
 */
export async function attempt<T>(work: () => Promise<T>, retry = true): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await work();
    } catch (error) {
      if (!retry || !(error instanceof AppError && error.retriable) || n >= 3) throw error;
    }
  }
}
