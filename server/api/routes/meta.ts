import { Router } from 'express';
import { READ } from '../../graph/queries/read.js';
import { readStats } from '../../graph/reads.js';
import type { GraphStore } from '../../graph/types.js';
import type { SourceList, Stats } from '../schemas.js';

/** GET /api/stats and GET /api/sources: what the UI's header and filters need. */
export function metaRoutes(store: GraphStore): Router {
  const r = Router();
  r.get('/stats', async (_req, res) => {
    const out: Stats = { backend: store.backend, ...(await readStats(store)) };
    res.json(out);
  });
  r.get('/sources', async (_req, res) => {
    const rows = await store.run(READ.listSources);
    const out: SourceList = {
      items: rows.map((s) => ({ id: String(s.id), name: String(s.name ?? ''), domain: typeof s.domain === 'string' ? s.domain : null, articles: Number(s.articles ?? 0) })),
    };
    res.json(out);
  });
  return r;
}
