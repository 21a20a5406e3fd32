import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { GraphStore } from '../graph/types.js';
import { fromZod, normalizeError } from '../errors.js';
import { ExportLineSchema } from './schema.js';
import { storeArticleGraph } from '../pipeline/index.js';
import { articleIds, countArticles, readArticleGraph } from './read.js';

export interface TransferSummary {
  created: number;
  unchanged: number;
  failed: number;
  errors: { where: string; message: string }[];
}

export type TransferProgress = (done: number, total: number | null) => void;

/**
 * Loads a `jsonl` export. Derived data (claims, events) is rebuilt as on
 * ingest. Each line is one article written in its own
 * transaction, so an interrupted import leaves whole articles and running it
 * again completes the rest ("unchanged" for what was already there).
 */
export async function importJsonl(store: GraphStore, file: string, onProgress: TransferProgress = () => {}): Promise<TransferSummary> {
  const summary: TransferSummary = { created: 0, unchanged: 0, failed: 0, errors: [] };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    const where = `${file} line ${n}`;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        throw fromZod(where, { issues: [{ path: [], message: `expected a JSON object, found invalid JSON (${(e as Error).message})` }] });
      }
      const parsed = ExportLineSchema.safeParse(raw);
      if (!parsed.success) throw fromZod(where, parsed.error);
      const status = await storeArticleGraph(store, parsed.data.graph);
      summary[status] += 1;
    } catch (error) {
      summary.failed += 1;
      summary.errors.push({ where, message: normalizeError(error).message });
    }
    onProgress(summary.created + summary.unchanged + summary.failed, null);
  }
  return summary;
}

/**
 * Copies every article of one store into another (embedded -> Neo4j), one
 * transaction per article in id order. Resumable: articles the target already
 * has come back "unchanged", so a rerun after an interruption only writes the rest.
 */
export async function copyStore(from: GraphStore, to: GraphStore, onProgress: TransferProgress = () => {}): Promise<TransferSummary> {
  const summary: TransferSummary = { created: 0, unchanged: 0, failed: 0, errors: [] };
  const total = await countArticles(from);
  for await (const id of articleIds(from)) {
    try {
      if (await to.hasArticle(id)) {
        summary.unchanged += 1;
      } else {
        const graph = await readArticleGraph(from, id);
        if (graph) summary[await storeArticleGraph(to, graph)] += 1;
      }
    } catch (error) {
      summary.failed += 1;
      summary.errors.push({ where: `article ${id}`, message: normalizeError(error).message });
    }
    onProgress(summary.created + summary.unchanged + summary.failed, total);
  }
  return summary;
}
