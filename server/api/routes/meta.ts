import { Router } from 'express';
import { readStats, sourceList, type GraphStore } from '../../graph/index.js';
import { STREAM_FORMATS, exportStream } from '../../exchange/index.js';
import { parse } from '../http.js';
import { ExportQuerySchema, type SourceList, type Stats } from '../schemas.js';
import { route } from '../route.js';

/**
 * GET /api/stats and GET /api/sources: what the UI's header and filters need.
 * GET /api/export?format=F: the whole store in one stream format, what
 * `claimgraph export` prints; the CLI uses it while a server holds the store.
 */
export function metaRoutes(store: GraphStore): Router {
  const r = Router();
  route(r, 'get', '/api/stats', async (_req, res) => {
    const out: Stats = { backend: store.backend, ...(await readStats(store)) };
    res.json(out);
  });
  route(r, 'get', '/api/sources', async (_req, res) => {
    const rows = await sourceList(store);
    const out: SourceList = {
      items: rows.map((s) => ({ id: String(s.id), name: String(s.name ?? ''), domain: typeof s.domain === 'string' ? s.domain : null, articles: Number(s.articles ?? 0) })),
    };
    res.json(out);
  });
  route(r, 'get', '/api/export', async (req, res) => {
    const { format } = parse('query', ExportQuerySchema, req.query);
    res.type(STREAM_FORMATS[format]);
    res.setHeader('content-disposition', `attachment; filename="claimgraph-${format}.${format === 'graphml' ? 'graphml' : format === 'cypher' ? 'cypher' : 'jsonl'}"`);
    try {
      await exportStream(store, format, (chunk) =>
        res.write(chunk) ? undefined : new Promise<void>((resolve) => res.once('drain', () => resolve())),
      );
    } catch (error) {
      // The status is sent: a cut connection is the only way left to say the export is incomplete.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      throw error;
    }
    res.end();
  });
  return r;
}
