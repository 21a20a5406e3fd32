import { parentPort } from 'node:worker_threads';
import { callExport, type ExtractTask, type WorkerReply } from './pool.js';

/**
 * One extraction worker thread (server/pipeline/pool.ts): pure CPU work on
 * plain values, no store. `article`: statements and events of one article
 * from one parse (what ingest stores) and its band keys; `call`: a pure function the caller
 * names by module URL and export (`extract --jsonl`'s line function).
 */
async function perform(task: ExtractTask): Promise<unknown> {
  // Loaded on the first article: a thread of `extract --jsonl` (calls only) does not load the claims modules.
  if (task.kind === 'article') return (await import('./ingest-extraction.js')).extractInThread(task.article);
  return callExport(task.module, task.fn, task.args);
}

parentPort!.on('message', (message: { id: number; task: ExtractTask }) => {
  perform(message.task).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
