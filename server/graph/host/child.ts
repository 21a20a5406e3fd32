/**
 * The store process: opens one file-backed EmbeddedStore and serves the
 * calls of its HostedStore over IPC. Started by HostedStore with
 * `node --import tsx child.ts`; not a public entry. It reports `loaded` once
 * its modules are loaded, then waits for `open` (so a standby process can be
 * started ahead of need, while the file is still held), then serves calls.
 *
 * It serves calls concurrently, as the in-process store does (writes are
 * serialised by EmbeddedStore itself). It exits after `close`, and when its
 * parent goes away (the IPC channel closes) after closing the store, so it
 * never outlives the server.
 */
import { AppError, normalizeError } from '../../errors.js';
import { EmbeddedStore, openGrafeo } from '../embedded.js';
import { warmUpReadOnlyCheck } from '../readonly.js';
import { ARGS, OpenSchema, RequestSchema, toWire, type ChildMessage, type Op } from './protocol.js';

/** How long a close may take when the parent has gone before the process exits anyway. */
const ORPHAN_CLOSE_MS = 5_000;

/** Sends a message; `then` runs once it was handed to the channel (or at once when there is none). */
const send = (message: ChildMessage, then?: () => void): void => {
  if (process.connected) process.send!(message, undefined, {}, () => then?.());
  else then?.();
};

async function main(): Promise<void> {
  if (!process.send) {
    process.stderr.write('claimgraph store host: expected to be started by HostedStore with an IPC channel, found none\n');
    process.exit(2);
  }
  let store: EmbeddedStore | null = null;
  let opening = false;
  let closing: Promise<void> | null = null;

  process.on('message', (raw: unknown) => {
    if (store === null) {
      if (opening) return; // the parent sends nothing before `ready`; a stray message has no one to answer
      opening = true;
      void open(raw).then((opened) => {
        store = opened;
      });
      return;
    }
    const serving = store;
    void serve(serving, raw).then((reply) => {
      const closed = reply.type === 'reply' && reply.ok && (raw as { op?: unknown }).op === 'close';
      send(reply, closed ? () => process.exit(0) : undefined);
    });
  });
  // The parent went away (killed, or exited without closing): close the store and go too.
  process.on('disconnect', () => {
    if (closing) return;
    setTimeout(() => process.exit(1), ORPHAN_CLOSE_MS).unref();
    closing = (store ? store.close() : Promise.resolve()).finally(() => process.exit(0));
  });
  // Before `loaded`, so a standby pays the read-only check's warm-up ahead of need, not on the restart path.
  warmUpReadOnlyCheck();
  // Loaded, not yet open: a standby waits here until its store's previous process has gone.
  send({ type: 'loaded' });
}

/** Opens the store an `open` message names and reports ready (or failed, then exits). */
async function open(raw: unknown): Promise<EmbeddedStore | null> {
  const message = OpenSchema.safeParse(raw);
  const started = performance.now();
  let store: EmbeddedStore | undefined;
  try {
    if (!message.success) throw new AppError('INTERNAL', `the store host expected {type: "open", path, walSalvage} first, found ${describe(raw)}`);
    const { path, walSalvage } = message.data;
    store = new EmbeddedStore(openGrafeo({ path, walSalvage }), path);
    await store.init();
  } catch (error) {
    await store?.close().catch(() => undefined);
    send({ type: 'failed', error: toWire(normalizeError(error)) }, () => process.exit(1));
    return null;
  }
  send({ type: 'ready', pid: process.pid, openMs: Math.round(performance.now() - started) });
  return store;
}

async function serve(store: EmbeddedStore, raw: unknown): Promise<ChildMessage> {
  const request = RequestSchema.safeParse(raw);
  if (!request.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
    return { type: 'reply', id, ok: false, error: toWire(new AppError('INTERNAL', `the store host expected a request {id, op, args}, found ${describe(raw)}`)) };
  }
  const { id, op, args } = request.data;
  try {
    return { type: 'reply', id, ok: true, value: await dispatch(store, op, args) };
  } catch (error) {
    return { type: 'reply', id, ok: false, error: toWire(normalizeError(error)) };
  }
}

async function dispatch(store: EmbeddedStore, op: Op, raw: unknown[]): Promise<unknown> {
  const parsed = ARGS[op].safeParse(raw);
  if (!parsed.success) throw new AppError('INTERNAL', `the store host expected other arguments for ${op}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  switch (op) {
    case 'init':
      return store.init();
    case 'writeArticle':
      // The graph arrives as sent: the parse above checked its id; the write checks the rest as the in-process store does.
      return store.writeArticle(raw[0] as Parameters<EmbeddedStore['writeArticle']>[0]);
    case 'writeArticles':
      return store.writeArticles(raw[0] as Parameters<EmbeddedStore['writeArticles']>[0]);
    case 'hasArticle':
      return store.hasArticle(ARGS.hasArticle.parse(raw)[0]);
    case 'stats':
      return store.stats();
    case 'run': {
      const [query, params] = ARGS.run.parse(raw);
      return store.run(query, params);
    }
    case 'readOnly': {
      const [query, params, opts] = ARGS.readOnly.parse(raw);
      return store.readOnly(query, params, opts);
    }
    case 'runInRolledBackTransaction': {
      const [query, params, opts] = ARGS.runInRolledBackTransaction.parse(raw);
      return store.runInRolledBackTransaction(query, params, opts);
    }
    case 'close':
      return store.close();
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return typeof value;
  }
}

await main();
