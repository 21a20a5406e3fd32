import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AppError, notFound } from '../../errors.js';
import { claimArticles, claimById, claimPage, contradictionPage, firstStatements, statementFilters, statementsByIds, type ClaimRow, type GraphStore } from '../../graph/index.js';
import { loadActorMap } from '../../actors/index.js';
import { statementView } from '../statement-view.js';
import { pageOf, pageWindow, parse } from '../http.js';
import {
  ClaimDetailSchema, ClaimListQuerySchema, ClaimPageSchema, ContradictionPageSchema, ContradictionQuerySchema,
  IdParamsSchema, type ClaimDetail, type ClaimSummary, type Contradiction,
} from '../schemas.js';
import { articleRef } from './articles.js';
import { defineRoute, mountRoutes, type RouteDefinition } from '../route.js';
import { errors, json } from '../doc-parts.js';

/** Most statements GET /api/claims/:id lists, oldest first, unless config.claimStatementsLimit says otherwise. */
export const CLAIM_STATEMENTS_LIMIT = 1000;

/** config.claimStatementsLimit, checked (a positive integer, CLAIM_STATEMENTS_LIMIT when unset). */
function claimStatementsLimit(config: Pick<Config, 'claimStatementsLimit'>): number {
  const parsedLimit = z.number().int().positive().default(CLAIM_STATEMENTS_LIMIT).safeParse(config.claimStatementsLimit);
  if (!parsedLimit.success) throw new AppError('BAD_INPUT', `claimStatementsLimit must be a positive integer, found ${String(config.claimStatementsLimit)}`);
  return parsedLimit.data;
}

/**
 * GET /api/claims, GET /api/claims/:id and GET /api/contradictions. Claim nodes are written by the
 * claims stage; until it has run the lists are simply empty. A claim lists at most
 * `config.claimStatementsLimit` statements (CLAIM_STATEMENTS_LIMIT): its `statements` count is the
 * total, so a shorter list says it was cut, and `statementsTruncated` says so outright.
 */
export const CLAIM_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/claims',
    summary: 'Claims: statements reported by several articles',
    tags: ['claims'],
    request: { query: ClaimListQuerySchema },
    responses: { 200: json(ClaimPageSchema, 'a page of claims'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', ClaimListQuerySchema, req.query);
      const w = pageWindow(q);
      const { rows, total } = await claimPage(store, q.q ?? null, { ...w, sort: q.sort });
      res.json(pageOf(rows.map(claimSummary), total, w));
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/claims/{id}',
    summary: 'One claim: its statements, articles and sources',
    tags: ['claims'],
    request: { params: IdParamsSchema },
    responses: { 200: json(ClaimDetailSchema, 'the claim'), ...errors(400, 404) },
    handler: ({ store, config }) => {
      const statementsLimit = claimStatementsLimit(config);
      return async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const row = await claimById(store, id);
      if (!row) throw notFound('claim', id);
      const map = await loadActorMap(store);
      const [statements, articles] = await Promise.all([
        // One more than the limit tells whether the list was cut.
        firstStatements(store, statementFilters({ claimId: id }), statementsLimit + 1),
        claimArticles(store, id),
      ]);
      const articleList = articles.map((a) => ({ ...articleRef(a), republishes: a.republishes }));
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
      };
    },
  }),

  // Contradiction candidates: to review, never shown as established (docs/claims.md).
  defineRoute({
    method: 'get',
    path: '/api/contradictions',
    summary: 'Contradiction candidates to review (never established facts), strongest first',
    tags: ['claims'],
    request: { query: ContradictionQuerySchema },
    responses: { 200: json(ContradictionPageSchema, 'a page of candidate pairs with both statements'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', ContradictionQuerySchema, req.query);
      const w = pageWindow(q);
      const { rows: pairs, total } = await contradictionPage(store, { q: q.q ?? null, ...w, sort: q.sort });
      const ids = [...new Set(pairs.flatMap((p) => [p.fromId, p.toId]))];
      const map = await loadActorMap(store);
      const statements = new Map((await statementsByIds(store, ids)).map((s) => [s.id, statementView(s, map)]));
      const items: Contradiction[] = [];
      for (const p of pairs) {
        const from = statements.get(p.fromId);
        const to = statements.get(p.toId);
        if (from && to) items.push({ from, to, score: p.score ?? 0, reason: p.reason ?? '' });
      }
      res.json(pageOf(items, total, w));
    },
  }),

];

function claimSummary(r: ClaimRow): ClaimSummary {
  return { id: r.id, text: r.text ?? '', firstSeen: r.firstSeen, lastSeen: r.lastSeen, statements: r.statements, articles: r.articles, sources: r.sources };
}

/** The claims routes on a router of their own, `config.claimStatementsLimit` checked when they are mounted. */
export function claimRoutes(store: GraphStore, config: Pick<Config, 'claimStatementsLimit'> = {}): Router {
  return mountRoutes(Router(), CLAIM_ROUTES, { store, config: config as Config, log: () => {} });
}
