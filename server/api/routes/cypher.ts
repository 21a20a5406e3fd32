import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { runUserQuery, type Row, type UserQueryResult } from '../../graph/index.js';
import { parse } from '../http.js';
import { CypherRequestSchema, CypherResponseSchema, type CypherResponse, type GraphNode, type GraphRelationship } from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json, bearer } from '../doc-parts.js';

/** Rows returned when neither the request nor the configuration says otherwise. */
export const DEFAULT_MAX_ROWS = 1000;
/** User queries running at once; more are refused (503, retriable) so a few runaway queries cannot starve the store. */
const MAX_CONCURRENT = 4;

/**
 * POST /api/cypher: user Cypher, read-only. The store refuses writes before
 * they run (FORBIDDEN naming the clause) and runs what passes so that it
 * cannot commit (a READ session on Neo4j, a rolled-back transaction on the
 * embedded engine), within config.queryTimeoutMs; at most `maxRows` rows
 * are returned, `truncated` says when there were more. EXPLAIN and PROFILE
 * give the plan as `plan` on both backends; on the embedded store, valid
 * Neo4j Cypher the engine lacks is rewritten or explained, and `notices`
 * name known differences the answer may show (server/graph/user-cypher.ts).
 */
export const CYPHER_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'post',
    path: '/api/cypher',
    summary: 'Read-only Cypher with a time and row limit',
    tags: ['cypher'],
    security: bearer,
    request: { body: { content: { 'application/json': { schema: CypherRequestSchema } }, required: true } },
    responses: { 200: json(CypherResponseSchema, 'columns, rows and the graph in them'), ...errors(400, 401, 403, 408, 503) },
    handler: ({ store, config }) => {
      const limit = serverMaxRows(config);
      let running = 0;
      return async (req, res) => {
      const body = parse('body', CypherRequestSchema, req.body);
      const maxRows = Math.min(body.maxRows ?? limit, limit);
      if (running >= MAX_CONCURRENT) {
        throw new AppError('STORE_UNAVAILABLE', `${running} Cypher queries are already running; retry when one has finished`, { retriable: true, expose: true });
      }
      running++;
      const started = performance.now();
      let rows: Row[];
      let result: UserQueryResult;
      try {
        // One row more than asked tells whether the result was cut.
        result = await runUserQuery(store, body.query, body.params ?? {}, { timeoutMs: config.queryTimeoutMs, maxRows: maxRows + 1, maxBytes: config.queryMaxBytes });
        rows = result.rows;
      } finally {
        running--;
      }
      const truncated = rows.length > maxRows;
      if (truncated) rows = rows.slice(0, maxRows);
      const out: CypherResponse = {
        columns: columnsOf(rows),
        rows,
        truncated,
        graph: graphOf(rows),
        elapsedMs: Math.round(performance.now() - started),
        ...(result.plan === undefined ? {} : { plan: result.plan }),
        ...(result.notices.length === 0 ? {} : { notices: result.notices }),
      };
      res.json(out);
      };
    },
  }),
];

/** The row limit: config.queryMaxRows when the configuration has one, else 1,000. */
function serverMaxRows(config: Config): number {
  const n = (config as Config & { queryMaxRows?: unknown }).queryMaxRows;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_ROWS;
}

/** Column names in RETURN order (rows keep their keys in that order); an empty result has none to show. */
function columnsOf(rows: Row[]): string[] {
  return rows[0] ? Object.keys(rows[0]) : [];
}

/**
 * Every node and relationship in the rows, at any depth (lists, maps,
 * paths), deduplicated by id: the shape the console draws. Values are the
 * store's plain shapes: nodes `{_id, _labels, ...}`, relationships
 * `{_id, _type, _source, _target, ...}`.
 */
export function graphOf(rows: Row[]): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  const nodes = new Map<string, GraphNode>();
  const rels = new Map<string, GraphRelationship>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 20 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o._id === 'string' && Array.isArray(o._labels)) {
      if (!nodes.has(o._id)) nodes.set(o._id, { id: o._id, labels: o._labels.map(String), properties: propertiesOf(o) });
      return;
    }
    if (typeof o._id === 'string' && typeof o._type === 'string') {
      if (!rels.has(o._id)) {
        rels.set(o._id, {
          id: o._id,
          type: o._type,
          start: typeof o._source === 'string' ? o._source : null,
          end: typeof o._target === 'string' ? o._target : null,
          properties: propertiesOf(o),
        });
      }
      return;
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  for (const row of rows) visit(row, 0);
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

function propertiesOf(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));
}
