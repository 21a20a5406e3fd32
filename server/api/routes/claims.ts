import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AppError, notFound } from '../../errors.js';
import { API } from '../../graph/queries/api.js';
import type { GraphStore, Row } from '../../graph/types.js';
import { loadActorMap } from '../canonical.js';
import { pageOf, pageWindow, parse } from '../http.js';
import { ClaimListQuerySchema, ContradictionQuerySchema, IdParamsSchema, type ClaimDetail, type ClaimSummary, type Contradiction } from '../schemas.js';
import { statementFilters } from './statements.js';
import { articleRef } from './articles.js';

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

  r.get('/claims', async (req, res) => {
    const q = parse('query', ClaimListQuerySchema, req.query);
    const w = pageWindow(q);
    const [rows, [count]] = await Promise.all([store.run(API.listClaims, { q: q.q ?? null, ...w }), store.run(API.countClaims, { q: q.q ?? null })]);
    res.json(pageOf(rows.map(claimSummary), Number(count?.total ?? 0), w));
  });

  r.get('/claims/:id', async (req, res) => {
    const { id } = parse('params', IdParamsSchema, req.params);
    const [row] = await store.run(API.claim, { id });
    if (!row) throw notFound('claim', id);
    const map = await loadActorMap(store);
    const [statements, articles] = await Promise.all([
      // One more than the limit tells whether the list was cut.
      store.run(API.listStatementsAsc, { ...statementFilters({ claimId: id }), skip: 0, limit: statementsLimit + 1 }),
      store.run(API.claimArticles, { id }),
    ]);
    const articleList = articles.map((a) => ({ ...articleRef(a), republishes: typeof a.republishes === 'string' ? a.republishes : null }));
    const sources = new Map<string, { id: string; name: string }>();
    for (const a of articleList) if (a.sourceId && a.source) sources.set(a.sourceId, { id: a.sourceId, name: a.source });
    const out: ClaimDetail = {
      claim: claimSummary(row),
      statements: statements.slice(0, statementsLimit).map((s) => map.statement(s)),
      statementsTruncated: statements.length > statementsLimit,
      articles: articleList,
      sources: [...sources.values()],
    };
    res.json(out);
  });

  // Contradiction candidates: to review, never shown as established (docs/claims.md).
  r.get('/contradictions', async (req, res) => {
    const q = parse('query', ContradictionQuerySchema, req.query);
    const w = pageWindow(q);
    const words = { q: q.q ?? null };
    const [pairs, [count]] = await Promise.all([store.run(API.listContradictions, { ...words, ...w }), store.run(API.countContradictions, words)]);
    const ids = [...new Set(pairs.flatMap((p) => [String(p.fromId), String(p.toId)]))];
    const map = await loadActorMap(store);
    const statements = new Map((ids.length ? await store.run(API.statementsByIds, { ids }) : []).map((s) => [String(s.id), map.statement(s)]));
    const items: Contradiction[] = [];
    for (const p of pairs) {
      const from = statements.get(String(p.fromId));
      const to = statements.get(String(p.toId));
      if (from && to) items.push({ from, to, score: Number(p.score ?? 0), reason: String(p.reason ?? '') });
    }
    res.json(pageOf(items, Number(count?.total ?? 0), w));
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
