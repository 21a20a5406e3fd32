import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractedEvent, Extraction } from '../extract/index.js';
import type { IngestedArticle } from '../ingest/index.js';
import { AppError } from '../errors.js';
import { extractArticle } from './statements.js';
import type { ComputedArticleKeys } from '../claims/index.js';

/** Work an extraction worker does (extract-worker.ts): plain values in, plain values out. */
export type ExtractTask =
  | { kind: 'article'; article: IngestedArticle }
  /** A pure function another component names by its module's URL and export name, called with plain values. */
  | { kind: 'call'; module: string; fn: string; args: unknown[] };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface ArticleExtraction {
  extraction: Extraction;
  events: ExtractedEvent[];
  skipped: string | null;
  /**
   * The claims step's band keys of the article's text (claims/keys.ts articleKeys), computed with the extraction so
   * that, in a worker thread, their MinHash is off the main thread (issue 19); the step uses them for an article
   * whose text is this one (the text they came from is kept beside them) and computes them itself otherwise.
   */
  articleKeys?: ComputedArticleKeys;
}

/** What a worker thread sends back for an article: the extraction and the keys, without the text (the caller has it). */
export type ThreadExtraction = Omit<ArticleExtraction, 'articleKeys'> & { keys: string[] };

/** A thread's answer for an article with the article's own text beside its keys (what the claims step checks them against). */
export function withText(article: IngestedArticle, { keys, ...rest }: ThreadExtraction): ArticleExtraction {
  return { ...rest, articleKeys: { text: article.text, keys } };
}

/**
 * The ingest side of extraction (ingest-extraction.ts: the claims step's keys besides the statements), loaded on
 * first use, so `claimgraph extract`, which loads this file for its threads, does not load the claims modules.
 */
let ingestExtraction: Promise<typeof import('./ingest-extraction.js')> | null = null;
const loadIngestExtraction = () => (ingestExtraction ??= import('./ingest-extraction.js'));

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  worker: Slot;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Workers a pool starts by default: none, extraction in the calling thread.
 * Measured on the 2-core development machine shared with other jobs
 * (docs/performance.md, issue 19), two threads made `extract --jsonl` and
 * `ingest` slower, not faster: each thread starts its own TypeScript loader
 * and loads the extractor (1-2 s of CPU), and the threads compete for the
 * same two cores as the store. Measured again after issue 15's speed-ups
 * (the extractor now warms up faster): still slower, 7.9 s of CPU against
 * 5.1 s on the 6 MB Wikinews bench, each thread paying its own start-up and
 * V8 warm-up. CLAIMGRAPH_EXTRACT_WORKERS turns them on where there are
 * cores to spare.
 */
export function defaultWorkers(): number {
  return 0;
}

/**
 * Extraction threads `claimgraph ingest` starts by default: one where the
 * machine has a second core, else none. Ingest's main thread is busy with
 * the store and the claims step (the store also works on a thread of its
 * own), so extraction on the spare core shortens it: on the replicated
 * Wikinews file, 2,430 articles, three alternating pairs on a quiet 2-core
 * machine gave 17.6 s against 18.8-20.3 s in one thread, the same CPU
 * (docs/performance.md). Only for an input past its first batch: the thread
 * costs about a second of start-up, more than a small ingest's extraction.
 */
export function defaultIngestWorkers(): number {
  return availableParallelism() >= 2 ? 1 : 0;
}

/** How a pool starts its threads. */
export interface PoolOptions {
  /**
   * Articles extracted in the calling thread before the threads start (none by default: they start with the
   * pool). A small ingest then never pays their start-up.
   */
  inThreadFirst?: number;
}

/**
 * Extraction off the event loop (issue 19): worker threads running the
 * extractor, each task sent to the least busy one. Results keep no order of
 * their own: callers that need the input order await their tasks in that
 * order. With `workers: 0` the work runs in this thread (same results), for
 * callers that cannot start threads. close() ends the threads; they do not
 * keep the process alive meanwhile.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /** Articles still to extract in this thread before the threads start. */
  private inThread: number;

  constructor(
    readonly workers: number = defaultWorkers(),
    opts: PoolOptions = {},
  ) {
    this.inThread = workers > 0 ? Math.max(0, opts.inThreadFirst ?? 0) : 0;
    if (this.inThread === 0) this.startAll();
  }

  /** Threads running (none before the pool's first `inThreadFirst` articles). */
  get threads(): number {
    return this.slots.length;
  }

  /** Statements, events and band keys of one article, as extractForIngest() gives them. */
  article(article: IngestedArticle): Promise<ArticleExtraction> {
    if (this.inThread > 0) {
      this.inThread -= 1;
      if (this.inThread === 0) this.startAll();
      return loadIngestExtraction().then((m) => m.extractForIngest(article));
    }
    if (this.slots.length === 0) return loadIngestExtraction().then((m) => m.extractForIngest(article));
    return (this.submit({ kind: 'article', article }) as Promise<ThreadExtraction>).then((r) => withText(article, r));
  }

  private startAll(): void {
    if (this.closed) return;
    for (let i = this.slots.length; i < this.workers; i++) this.slots.push(this.start());
  }

  /**
   * Calls the export `fn` of the module at `module` (a file URL: a caller
   * passes its own import.meta.url) with `args` in a worker thread, as
   * `extract --jsonl` does with its line function. The function must be
   * pure CPU work on plain values; its result must be a plain value.
   */
  async call(module: string, fn: string, args: unknown[]): Promise<unknown> {
    if (this.slots.length === 0) return callExport(module, fn, args);
    return this.submit({ kind: 'call', module, fn, args });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.failAll(new AppError('INTERNAL', 'the extraction pool was closed with work still pending'));
  }

  private submit(task: ExtractTask): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'the extraction pool is closed; expected an open pool'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: slot });
      slot.worker.postMessage({ id, task });
    });
  }

  private start(): Slot {
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url));
    const slot: Slot = { worker, busy: 0 };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      p.worker.busy -= 1;
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new AppError('INTERNAL', `extraction failed in a worker thread: ${reply.message}`));
    });
    worker.on('error', (error) => this.lost(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.lost(slot, new Error(`the worker thread exited with code ${code}`));
    });
    return slot;
  }

  /** A worker that died fails its tasks and is replaced, so one bad article does not stop a batch. */
  private lost(slot: Slot, error: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== slot) continue;
      this.pending.delete(id);
      p.reject(new AppError('INTERNAL', `extraction failed: its worker thread stopped (${error.message})`, { cause: error }));
    }
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) {
      void slot.worker.terminate();
      this.slots[i] = this.start();
    }
  }

  private failAll(error: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(error);
    }
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

/** Calls export `fn` of the module at URL `module` (loaded once per thread) with `args`. */
export async function callExport(module: string, fn: string, args: unknown[]): Promise<unknown> {
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = import(module) as Promise<Record<string, unknown>>;
    modules.set(module, loaded);
  }
  const f = (await loaded)[fn];
  if (typeof f !== 'function') throw new AppError('INTERNAL', `expected a function ${fn} exported by ${module}, found ${typeof f}`);
  return (f as (...a: unknown[]) => unknown)(...args);
}
