import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, storeUnavailable } from '../../errors.js';
import { QUERY_LIMITS } from '../limits.js';
import { ChildMessageSchema, fromWire, type OpenMessage } from './protocol.js';

/*
 * The store process itself (server/graph/host): its environment, how it is
 * started, the processes alive, and what a restart is recorded as. The
 * HostedStore (store.ts) decides when to start, restart and stop one.
 */

export interface HostedOptions {
  /** The store file (file-backed only: restarting a process that holds an in-memory store would lose it). */
  path: string;
  walSalvage?: boolean;
  /** Where restarts and crashes are reported; default stderr. */
  log?: (line: string) => void;
  /** How long in-flight writes may take to finish before a runaway's process is killed anyway (default 5 s). */
  drainMs?: number;
  /** How long a call waits for a restarting store before it fails STORE_UNAVAILABLE (default 60 s). */
  waitMs?: number;
  /** How long opening the store may take (default 120 s; ~4 s at 100k statements). */
  openMs?: number;
  /**
   * Keep one more process started and loaded, so a restart costs the store
   * open only, not the process start (~0.7 s, seconds on a loaded machine).
   * Default true; it costs one idle Node process.
   */
  standby?: boolean;
  /**
   * Memory one user query may add to the store process's resident size
   * (default QUERY_LIMITS.memoryBytes); past it the query fails
   * PAYLOAD_TOO_LARGE and the process is replaced. Read from /proc (Linux);
   * where there is none the bound is not enforced.
   */
  queryMemoryBytes?: number;
  /** How often the store process's memory is read while a user query runs (default 50 ms). */
  memoryPollMs?: number;
}

/**
 * The only environment variables the store process gets: it runs user
 * queries, so whatever it can read a query might show. No token, no
 * password, nothing of the server's environment beyond what Node needs.
 */
export const STORE_PROCESS_ENV = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TZ', 'NODE_ENV', 'SYSTEMROOT'] as const;

/**
 * glibc's malloc arenas in the store process (issue 19, serving memory):
 * Grafeo allocates through glibc from its query threads, and by default
 * each thread may get an arena of its own (up to eight per core), each
 * keeping the memory a large read freed. Measured on the 1M bench store in
 * one process: 3,612 MB resident after three text searches and two
 * unbounded network reads by default, 3,284 MB with two arenas (open alone
 * about 2,250 MB either way; docs/performance.md).
 */
export const STORE_MALLOC_ARENAS = '2';

/**
 * glibc's thresholds in the store process, fixed (issue 19, fourth session):
 * by default glibc raises its mmap threshold each time a large block is
 * freed (up to 32 MB), after which the large blocks of later queries come
 * from the arenas and their memory stays with the process when freed. Fixed
 * at 128 KiB, a block that large is mapped and unmapped on its own, and the
 * arenas' free top beyond 128 KiB is returned (docs/performance.md).
 */
export const STORE_MALLOC_THRESHOLD = String(128 * 1024);

/** The store process's environment: STORE_PROCESS_ENV taken from `env`, and the allocator settings above; nothing else. */
export function storeProcessEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    MALLOC_ARENA_MAX: STORE_MALLOC_ARENAS,
    MALLOC_MMAP_THRESHOLD_: STORE_MALLOC_THRESHOLD,
    MALLOC_TRIM_THRESHOLD_: STORE_MALLOC_THRESHOLD,
  };
  for (const name of STORE_PROCESS_ENV) if (env[name] !== undefined) out[name] = env[name];
  return out;
}

/** Resident memory of a process in bytes, from /proc; null where it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** What one restart cost, for logs, tests and the benchmark. */
export interface RestartRecord {
  reason: RestartReason;
  /** From the decision to restart until the old process had exited (drain + kill). */
  stopMs: number;
  /** From spawning the new process until its store was open and ready. */
  startMs: number;
  /** Of which the store open and schema check inside the child. */
  openMs: number;
  oldPid: number | null;
  newPid: number | null;
}

/** Why a store process was replaced: a user query past its time or memory limit, or an exit nobody asked for. */
export type RestartReason = 'timeout' | 'memory' | 'crash';
/** Signals a process raises on itself (stack overflow, abort, bus error...), as opposed to a kill from outside. */
export const QUERY_FAULTS: ReadonlySet<string> = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGABRT', 'SIGFPE', 'SIGTRAP']);

const CHILD_ENTRY = fileURLToPath(new URL('./child.ts', import.meta.url));
/** tsx's loader as a file URL, so the child runs TypeScript wherever the server was started from. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Children alive in this process: killed when it exits, so none is left behind. */
const LIVE = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  LIVE.add(child);
  child.once('exit', () => LIVE.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of LIVE) c.kill('SIGKILL');
    });
  }
}

/** A started process, loading or loaded, not yet holding a store. */
export interface Loaded {
  proc: ChildProcess;
  /** Resolves when its modules are loaded; rejects when it exits first. */
  loaded: Promise<void>;
  exited: Promise<void>;
}

export interface Child {
  proc: ChildProcess;
  generation: number;
  pid: number;
  /** Set when this store stops the process itself (restart, close): its exit is not a crash. */
  stopping: boolean;
  exited: Promise<void>;
}

/** Starts a store process; it loads its modules and waits for `open`. Errors of the process go to `log`. */
export function forkStoreProcess(log: (line: string) => void): Loaded {
  const proc = fork(CHILD_ENTRY, [], {
    execArgv: ['--import', TSX_LOADER],
    env: storeProcessEnv(),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(proc);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.on('error', (error) => log(`store process ${proc.pid ?? '?'}: ${error.message}`));
  const loaded = new Promise<void>((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      if (ChildMessageSchema.safeParse(raw).data?.type !== 'loaded') return;
      proc.off('message', onMessage);
      resolve();
    };
    proc.on('message', onMessage);
    proc.once('error', (error) => reject(storeUnavailable(`could not start the store process: ${error.message}`, error)));
    proc.once('exit', (code, signal) => reject(storeUnavailable(`the store process exited (${signal ?? `code ${code}`}) while it started`)));
  });
  loaded.catch(() => undefined);
  return { proc, loaded, exited };
}

/**
 * Opens the store in a started process and resolves with its pid and open
 * time once it reports ready; rejects with the error it reports (or after
 * `openMs`), having killed it.
 */
export async function openStoreIn(loaded: Loaded, open: OpenMessage, openMs: number): Promise<{ pid: number; openMs: number }> {
  const { proc } = loaded;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(storeUnavailable(`the store process did not open ${open.path} within ${openMs} ms`)), openMs);
  });
  try {
    await Promise.race([loaded.loaded, deadline]);
    const ready = new Promise<{ pid: number; openMs: number }>((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        const message = ChildMessageSchema.safeParse(raw).data;
        if (message?.type !== 'failed' && message?.type !== 'ready') return;
        proc.off('message', onMessage);
        if (message.type === 'failed') reject(fromWire(message.error));
        else resolve(message);
      };
      proc.on('message', onMessage);
      proc.once('exit', (code, signal) => reject(storeUnavailable(`the store process exited (${signal ?? `code ${code}`}) before it had opened ${open.path}`)));
    });
    ready.catch(() => undefined);
    proc.send(open);
    const { pid, openMs: took } = await Promise.race([ready, deadline]);
    return { pid, openMs: took };
  } catch (error) {
    proc.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The log line of a restart. */
export function describeRestart(r: RestartRecord): string {
  const why = r.reason === 'timeout' ? 'query timeout' : r.reason === 'memory' ? 'query past its memory bound' : 'crash';
  return `store process restarted after a ${why}: pid ${r.oldPid ?? '-'} -> ${r.newPid}, stop ${r.stopMs} ms, start ${r.startMs} ms (store open ${r.openMs} ms)`;
}

/**
 * Reads a process's resident memory every `pollMs` until `done()`; when it
 * has grown more than `limitBytes` past its size at the start, calls
 * `over` once with the PAYLOAD_TOO_LARGE error the query fails with.
 * Returns the timer (null where memory cannot be read: not enforced).
 */
export function watchResident(pid: number, limitBytes: number, pollMs: number, done: () => boolean, over: (error: AppError) => void): NodeJS.Timeout | null {
  const baseline = residentBytes(pid);
  if (baseline === null) return null;
  const timer = setInterval(() => {
    if (done()) {
      clearInterval(timer);
      return;
    }
    const now = residentBytes(pid);
    if (now === null || now - baseline <= limitBytes) return;
    clearInterval(timer);
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    over(
      new AppError(
        'PAYLOAD_TOO_LARGE',
        `the query needed more than ${mb(limitBytes)} MB of memory in the store (the limit per query; it had reached ${mb(now - baseline)} MB) and was stopped: ` +
          'narrow it (a LIMIT, fewer or smaller columns, aggregate)',
      ),
    );
  }, pollMs);
  return timer;
}

/** HostedOptions with every default filled in. */
export function withDefaults(opts: HostedOptions) {
  return {
    log: opts.log ?? ((line: string) => void process.stderr.write(`claimgraph: ${line}\n`)),
    drainMs: opts.drainMs ?? 5_000,
    waitMs: opts.waitMs ?? 60_000,
    openMs: opts.openMs ?? 120_000,
    useStandby: opts.standby ?? true,
    queryMemoryBytes: opts.queryMemoryBytes ?? QUERY_LIMITS.memoryBytes,
    memoryPollMs: opts.memoryPollMs ?? 50,
  };
}
