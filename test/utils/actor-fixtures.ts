import type { ArticleGraph } from '../../server/graph/types.js';
import { stableId, sourceId } from '../../server/ids.js';
import { actor, smallArticle, statement } from './graph-fixtures.js';

/** Statements with a coarse time, a timestamp, no time, two subjects, and a subject that is also a speaker elsewhere. */
export function mixedArticle(): ArticleGraph {
  const articleId = stableId('art', 'mixed-actors');
  const a = actor('Mixed Speaker');
  const b = actor('Other Speaker');
  const t = actor('Subject Country', 'country');
  return {
    source: { id: sourceId('Mixed Outlet'), name: 'Mixed Outlet', domain: null },
    article: {
      id: articleId, url: null, title: 'Mixed actors', publishedAt: null, publishedAtPrecision: 'unknown',
      retrievedAt: '2024-03-10T00:00:00.000Z', contentHash: 'mixed-actors', language: 'en', text: 'x'.repeat(400),
    },
    actors: [a, b, t],
    statements: [
      statement(articleId, 10, 20, { speakerId: a.id, aboutIds: [t.id, b.id], saidAt: '2024-03', saidAtPrecision: 'month' }),
      statement(articleId, 30, 40, { speakerId: a.id, aboutIds: [t.id], saidAt: '2024-02-03T09:30:00.000Z' }),
      statement(articleId, 50, 60, { speakerId: a.id, aboutIds: [t.id], saidAt: null, saidAtPrecision: 'unknown' }), // undated
      statement(articleId, 70, 80, { speakerId: b.id, aboutIds: [a.id], saidAt: '2024-02-03' }),
      statement(articleId, 90, 100, { speakerId: null, aboutIds: [t.id], saidAt: '2024-02-04' }), // no speaker
    ],
    mentions: [a.id, b.id, t.id],
  };
}

/**
 * Small articles from a pool of 5 actors (prolific speakers and subjects, days in February 2024) and the mixed one.
 */
export const ARTICLES = (): ArticleGraph[] =>
  [...Array.from({ length: 40 }, (_, i) => smallArticle(i, 1 + (i % 3), 5)), mixedArticle()];

