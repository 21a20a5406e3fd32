import { parentPort } from 'node:worker_threads';
import type { IngestOptions } from '../ingest/types.js';
import { extractArticle } from './statements.js';
import type { ExtractTask, WorkerReply } from './pool.js';

/**
 * One extraction worker thread (server/pipeline/pool.ts): pure CPU work on
 * plain values, no store. `article`: statements and events of one article
 * from one parse (what ingest stores); `jsonl`: one stdin line of
 * `claimgraph extract --jsonl` to its output line (statements only, no
 * events pass).
 */
let cli: Promise<typeof import('../cli/extract.js')> | undefined;

async function perform(task: ExtractTask): Promise<unknown> {
  if (task.kind === 'article') return extractArticle(task.article);
  cli ??= import('../cli/extract.js');
  const { jsonlLine } = await cli;
  return jsonlLine(task.line, task.n, task.opts as IngestOptions);
}

parentPort!.on('message', (message: { id: number; task: ExtractTask }) => {
  perform(message.task).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
