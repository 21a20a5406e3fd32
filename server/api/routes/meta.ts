import { z } from 'zod';
import { readStats, sourceList } from '../../graph/index.js';
import { STREAM_FORMATS, exportStream } from '../../exchange/index.js';
import { parse } from '../http.js';
import { ExportQuerySchema, SourceListSchema, StatsSchema, type SourceList, type Stats } from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json } from '../doc-parts.js';

/**
 * GET /api/stats and GET /api/sources: what the UI's header and filters need.
 * GET /api/export?format=F: the whole store in one stream format, what
 * `claimgraph export` prints; the CLI uses it while a server holds the store.
 */
export const META_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/stats',
    summary: 'Node counts and the backend',
    tags: ['meta'], responses: { 200: json(StatsSchema, 'counts') },
    handler: ({ store }) => async (_req, res) => {
      const out: Stats = { backend: store.backend, ...(await readStats(store)) };
      res.json(out);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sources',
    summary: 'Sources (outlets) with their article counts',
    tags: ['meta'], responses: { 200: json(SourceListSchema, 'sources') },
    handler: ({ store }) => async (_req, res) => {
      const rows = await sourceList(store);
      const out: SourceList = {
        items: rows.map((s) => ({ id: s.id, name: s.name, domain: s.domain, articles: s.articles })),
      };
      res.json(out);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/export',
    summary: 'The whole store in one export format, streamed (what `claimgraph export` prints)',
    tags: ['meta'],
    request: { query: ExportQuerySchema },
    responses: {
      200: {
        description: 'the export: JSON lines (jsonl, statements, annotations, claims), GraphML or a Cypher script',
        content: { 'application/x-ndjson': { schema: z.string() }, 'application/xml': { schema: z.string() }, 'text/plain': { schema: z.string() } },
      },
      ...errors(400),
    },
    handler: ({ store }) => async (req, res) => {
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
    },
  }),
];
