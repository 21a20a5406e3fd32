import { READ } from './queries/read.js';
import { WRITE } from './queries/write.js';
import type { GraphStore, Row, StoreStats } from './types.js';
import { ActorRowSchema, ArticleRowSchema, type ActorRow, type ArticleRow } from './repos/articles.js';
import { num, optNum, optStr, read, readOne, str } from './repos/rows.js';
import { z } from 'zod';
import { statementTexts, type StoredTexts } from './records.js';

/**
 * Typed readers over the app's read queries (server/graph/queries/read.ts).
 * They take any GraphStore, so they work on both backends; the HTTP API can
 * use them or call `store.run(READ.x, ...)` itself.
 */

export interface ActorRefRow {
  id: string;
  name: string;
}

export interface StatementRow {
  id: string;
  content: string;
  quote: string | null;
  direct: boolean;
  cue: string;
  cueLemma: string;
  cueClass: string;
  saidAt: string | null;
  saidAtPrecision: string;
  timeText: string | null;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  confidence: number;
  speakerMention: string | null;
  speakerId: string | null;
  speaker: string | null;
  addresseeId: string | null;
  addressee: string | null;
  viaId: string | null;
  via: string | null;
  about: ActorRefRow[];
}

export interface ArticleView {
  article: ArticleRow;
  /** In text order (by `start`). */
  statements: StatementRow[];
  /** Actors the article mentions, by name. */
  actors: ActorRow[];
}

export interface TimelineRow {
  id: string;
  saidAt: string;
  saidAtPrecision: string;
  timeText: string | null;
  content: string;
  direct: boolean;
  cue: string;
  cueClass: string;
  speakerId: string | null;
  speaker: string | null;
  about: ActorRefRow[];
  articleId: string | null;
  articleTitle: string | null;
  source: string | null;
}

export interface NeighbourRow {
  id: string;
  name: string;
  kind: string;
  statements: number;
}

export interface Neighbourhood {
  actor: ActorRow & { said: number; about: number; articles: number };
  /** Actors this actor's statements are about, most statements first. */
  talksAbout: NeighbourRow[];
  /** Actors who make statements about this actor, most statements first. */
  talkedAboutBy: NeighbourRow[];
}

const StatsRow = z.object({ sources: num, articles: num, statements: num, actors: num, claims: num });

/** Node counts per label. */
export async function readStats(store: Pick<GraphStore, 'run'>): Promise<StoreStats> {
  const row = await readOne(store, StatsRow, 'the node counts', READ.stats);
  const n = (k: keyof z.infer<typeof StatsRow>) => row?.[k] ?? 0;
  return { sources: n('sources'), articles: n('articles'), statements: n('statements'), actors: n('actors'), claims: n('claims') };
}

/** The origin columns of READ.article (the rest of the row is not read here). */
const OriginRow = z.object({ url: optStr, sourceId: optStr });

/** Where a stored article came from (its URL and outlet), without its statements; null when unknown. */
export async function articleOrigin(store: GraphStore, id: string): Promise<{ url: string | null; sourceId: string | null } | null> {
  const article = await readOne(store, OriginRow, 'an article\'s origin', READ.article, { id });
  if (!article) return null;
  return { url: article.url, sourceId: article.sourceId };
}

/** Where a stored article stands, for a batch's checks (server/pipeline/batch.ts). */
export interface ArticleState {
  url: string | null;
  sourceId: string | null;
  claimsVersion: number;
  eventsVersion: number;
}

/** A row of WRITE.articleStates: a stored article's origin and its steps' marks (null when a step never ran). */
const ArticleStateRowSchema = z.object({ id: str, url: optStr, sourceId: optStr, claimsVersion: optNum, eventsVersion: optNum });

/** The stored articles among `ids`, each with its origin and step marks (0 when a step has not run); one query. */
export async function articleStates(store: Pick<GraphStore, 'run'>, ids: string[]): Promise<Map<string, ArticleState>> {
  const out = new Map<string, ArticleState>();
  if (ids.length === 0) return out;
  for (const r of await read(store, ArticleStateRowSchema, 'the states of a batch of articles', WRITE.articleStates, { ids })) {
    out.set(r.id, { url: r.url, sourceId: r.sourceId, claimsVersion: r.claimsVersion ?? 0, eventsVersion: r.eventsVersion ?? 0 });
  }
  return out;
}

/** One article with its statements in text order and the actors it mentions; null when unknown. */
export async function getArticle(store: GraphStore, id: string): Promise<ArticleView | null> {
  const article = await readOne(store, ArticleRowSchema, 'an article', READ.article, { id });
  if (!article) return null;
  const statements = await store.run(READ.articleStatements, { id });
  const actors = await read(store, ActorRowSchema, 'an article\'s actors', READ.articleActors, { id });
  return { article, statements: statements.map((r) => withAbout(statementTexts(r as Row & StoredTexts))) as unknown as StatementRow[], actors };
}

/** Statements dated in [from, to) (ISO strings), oldest first; with actorIds, only those said by or about one of them. */
export async function timeline(
  store: GraphStore,
  opts: { from: string; to: string; actorIds?: string[] | null; limit?: number },
): Promise<TimelineRow[]> {
  const rows = await store.run(READ.timeline, {
    from: opts.from,
    to: opts.to,
    actorIds: opts.actorIds && opts.actorIds.length > 0 ? opts.actorIds : null,
    limit: opts.limit ?? 500,
  });
  return rows.map(withAbout) as unknown as TimelineRow[];
}

/** The actor, whom they talk about and who talks about them; null when the actor is unknown. */
export async function neighbourhood(store: GraphStore, actorId: string, limit = 50): Promise<Neighbourhood | null> {
  const [actor] = await store.run(READ.actor, { id: actorId });
  if (!actor) return null;
  const talksAbout = await store.run(READ.neighbourhoodAbout, { id: actorId, limit });
  const talkedAboutBy = await store.run(READ.neighbourhoodTalkers, { id: actorId, limit });
  return {
    actor: actor as unknown as Neighbourhood['actor'],
    talksAbout: talksAbout as unknown as NeighbourRow[],
    talkedAboutBy: talkedAboutBy as unknown as NeighbourRow[],
  };
}


// Pattern comprehensions return [] for no match on both backends; the sort keeps list order stable across them.
function withAbout(row: Row): Row {
  const about = Array.isArray(row.about) ? [...(row.about as ActorRefRow[])] : [];
  about.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return { ...row, about };
}
