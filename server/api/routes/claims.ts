import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AppError, notFound } from '../../errors.js';
import { claimArticles, claimById, claimPage, contradictionPage, firstStatements, statementFilters, statementsByIds, type GraphStore, type Row } from '../../graph/index.js';
import { loadActorMap } from '../../actors/index.js';
import { statementView } from '../statement-view.js';
import { pageOf, pageWindow, parse } from '../http.js';
import { ClaimListQuerySchema, ContradictionQuerySchema, IdParamsSchema, type ClaimDetail, type ClaimSummary, type Contradiction } from '../schemas.js';
import { articleRef } from './articles.js';
import { route } from '../route.js';

/** Most statements GET /api/claims/:id lists, oldest first, unless config.claimStatementsLimit says otherwise. */
export const CLAIM_STATEMENTS_LIMIT = 1000;

/**
 * GET /api/claims, GET /api/claims/:id and GET /api/contradictions. Claim nodes are written by the
 * claims stage; until it has run the lists are simply empty. A claim lists at most
 * `config.claimStatementsLimit` statements (CLAIM_STATEMENTS_LIMIT): its `statements` count is the
 * total, so a shorter list says it was cut, and `statementsTruncated` says so outright.
 */
export function claimRoutes(store: GraphStore, config: Pick<Config, 'claimStatementsLimit'> = {}): Router {
  const r = Router();
  const parsedLimit = z.number().int().positive().default(CLAIM_STATEMENTS_LIMIT).safeParse(config.claimStatementsLimit);
  if (!parsedLimit.success) throw new AppError('BAD_INPUT', `claimStatementsLimit must be a positive integer, found ${String(config.claimStatementsLimit)}`);
  const statementsLimit = parsedLimit.data;

  route(r, 'get', '/api/claims', async (req, res) => {
    const q = parse('query', ClaimListQuerySchema, req.query);
    const w = pageWindow(q);
    const { rows, total } = await claimPage(store, q.q ?? null, { ...w, sort: q.sort });
    res.json(pageOf(rows.map(claimSummary), total, w));
  });

  route(r, 'get', '/api/claims/{id}', async (req, res) => {
    const { id } = parse('params', IdParamsSchema, req.params);
    const row = await claimById(store, id);
    if (!row) throw notFound('claim', id);
    const map = await loadActorMap(store);
    const [statements, articles] = await Promise.all([
      // One more than the limit tells whether the list was cut.
      firstStatements(store, statementFilters({ claimId: id }), statementsLimit + 1),
      claimArticles(store, id),
    ]);
    const articleList = articles.map((a) => ({ ...articleRef(a), republishes: typeof a.republishes === 'string' ? a.republishes : null }));
    const sources = new Map<string, { id: string; name: string }>();
    for (const a of articleList) if (a.sourceId && a.source) sources.set(a.sourceId, { id: a.sourceId, name: a.source });
    const out: ClaimDetail = {
      claim: claimSummary(row),
      statements: statements.slice(0, statementsLimit).map((s) => statementView(s, map)),
      statementsTruncated: statements.length > statementsLimit,
      articles: articleList,
      sources: [...sources.values()],
    };
    res.json(out);
  });

  // Contradiction candidates: to review, never shown as established (docs/claims.md).
  route(r, 'get', '/api/contradictions', async (req, res) => {
    const q = parse('query', ContradictionQuerySchema, req.query);
    const w = pageWindow(q);
    const { rows: pairs, total } = await contradictionPage(store, { q: q.q ?? null, ...w, sort: q.sort });
    const ids = [...new Set(pairs.flatMap((p) => [String(p.fromId), String(p.toId)]))];
    const map = await loadActorMap(store);
    const statements = new Map((await statementsByIds(store, ids)).map((s) => [String(s.id), statementView(s, map)]));
    const items: Contradiction[] = [];
    for (const p of pairs) {
      const from = statements.get(String(p.fromId));
      const to = statements.get(String(p.toId));
      if (from && to) items.push({ from, to, score: Number(p.score ?? 0), reason: String(p.reason ?? '') });
    }
    res.json(pageOf(items, total, w));
  });

  return r;
}

function claimSummary(r: Row): ClaimSummary {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(r.id),
    text: String(r.text ?? ''),
    firstSeen: str(r.firstSeen),
    lastSeen: str(r.lastSeen),
    statements: Number(r.statements ?? 0),
    articles: Number(r.articles ?? 0),
    sources: Number(r.sources ?? 0),
  };
}
