import { storeFailed } from '../errors.js';
import { WRITE } from './queries/write.js';
import { rollupBucket } from './window.js';
import type { ArticleGraph, Row, StatementNode, WriteStatus } from './types.js';

/** Runs one query inside the caller's open transaction and returns plain rows. */
export type TxRun = (query: string, params: Record<string, unknown>) => Promise<Row[]>;

/** One query of an article write; `expectLinked` is how many rows its `linked` column must report. */
export interface WriteStep {
  name: keyof typeof WRITE;
  query: string;
  params: Record<string, unknown>;
  expectLinked?: number;
}

/**
 * Writes one article inside an open transaction: the same query sequence on
 * both backends. Returns 'unchanged' (having written nothing) when the
 * article id is already stored; the check runs in the same transaction, so a
 * concurrent writer of the same article cannot slip between check and write
 * on Neo4j's uniqueness constraints. Throws STORE_FAILED when a statement
 * points at an actor that is neither in the article nor in the store: the
 * caller rolls the whole transaction back.
 */
export async function writeArticleInTx(run: TxRun, graph: ArticleGraph): Promise<WriteStatus> {
  const [exists] = await run(WRITE.articleExists, { id: graph.article.id });
  if (Number(exists?.n ?? 0) > 0) return 'unchanged';
  for (const step of articleWritePlan(graph)) {
    const rows = await run(step.query, step.params);
    if (step.expectLinked !== undefined) {
      const linked = Number(rows[0]?.linked ?? 0);
      if (linked < step.expectLinked) {
        throw storeFailed(
          `article ${graph.article.id}: ${step.name} linked ${linked} of ${step.expectLinked}; ` +
            `a statement or mention refers to an actor id that is neither in the article's actors nor in the store`,
        );
      }
    }
  }
  return 'created';
}

/**
 * The queries that write one article, in order (nodes before the
 * relationships that need them). Steps with nothing to write are left out,
 * so a small article is five or six round trips.
 */
export function articleWritePlan(graph: ArticleGraph): WriteStep[] {
  const articleId = graph.article.id;
  const steps: WriteStep[] = [{ name: 'upsertArticle', query: WRITE.upsertArticle, params: { id: articleId, props: { ...graph.article } } }];
  if (graph.source) {
    const { id, name, domain } = graph.source;
    steps.push({ name: 'upsertSource', query: WRITE.upsertSource, params: { id, props: { id, name, domain } } });
    steps.push({ name: 'linkSource', query: WRITE.linkSource, params: { articleId, sourceId: id }, expectLinked: 1 });
  }
  const actors = mergeActors(graph);
  if (actors.length > 0) steps.push({ name: 'upsertActors', query: WRITE.upsertActors, params: { actors } });
  // The article's own names for its actors, in its own transaction (issue 14, defect 4): what the claims step and
  // a crash recovery read, never the lists the actor node gathered from other articles.
  const named = actors
    .filter((a) => a.aliases.length > 0 || a.roles.length > 0)
    .map((a) => ({ actorId: a.id, aliases: a.aliases, roles: a.roles }));
  if (named.length > 0) steps.push({ name: 'linkNamed', query: WRITE.linkNamed, params: { articleId, rows: named }, expectLinked: named.length });
  const mentions = unique(graph.mentions);
  if (mentions.length > 0) {
    steps.push({ name: 'linkMentions', query: WRITE.linkMentions, params: { articleId, actorIds: mentions }, expectLinked: mentions.length });
  }
  if (graph.statements.length > 0) {
    const published = graph.article.publishedAt;
    const statements = graph.statements.map((s) => ({ ...statementProps(s), ...statementTime(s.saidAt ?? published) }));
    steps.push({ name: 'upsertStatements', query: WRITE.upsertStatements, params: { articleId, statements } });
    // The per-day counters of the unfiltered timeline, from the statements just written (same transaction).
    steps.push({ name: 'countDays', query: WRITE.countDays, params: { articleId } });
  }
  const links = (name: 'linkSpeakers' | 'linkAbout' | 'linkAddressees' | 'linkVia', pick: (s: StatementNode) => Array<string | null>) => {
    const seen = new Set<string>();
    const rows: Array<{ statementId: string; actorId: string }> = [];
    for (const s of graph.statements) {
      for (const actorId of pick(s)) {
        const key = `${s.id}\u0000${actorId}`;
        if (actorId === null || seen.has(key)) continue;
        seen.add(key);
        rows.push({ statementId: s.id, actorId });
      }
    }
    if (rows.length > 0) steps.push({ name, query: WRITE[name], params: { links: rows }, expectLinked: rows.length });
  };
  links('linkSpeakers', (s) => [s.speakerId]);
  links('linkAbout', (s) => s.aboutIds);
  links('linkAddressees', (s) => [s.addresseeId]);
  links('linkVia', (s) => [s.viaId]);
  // The actor page's counters, added to in the same transaction, after the links they count.
  const counts = actorCounts(graph, mentions);
  if (counts.days.length > 0) steps.push({ name: 'countActorDays', query: WRITE.countActorDays, params: { rows: counts.days } });
  if (counts.pairs.length > 0) steps.push({ name: 'countActorPairs', query: WRITE.countActorPairs, params: { rows: counts.pairs } });
  if (counts.totals.length > 0) steps.push({ name: 'countActorTotals', query: WRITE.countActorTotals, params: { rows: counts.totals } });
  if (counts.months.length > 0) steps.push({ name: 'countPairMonths', query: WRITE.countPairMonths, params: { rows: counts.months } });
  return steps;
}

/**
 * What one article adds to the actor counters (WRITE.countActorDays,
 * countActorPairs, countActorTotals) and the network's monthly rollups
 * (WRITE.countPairMonths), counted the way the links are written:
 * one speaker per statement, its ABOUT actors deduplicated, days by
 * `timeDay` (undated statements count in pairs and totals only), and one
 * article per mentioned actor.
 */
function actorCounts(graph: ArticleGraph, mentions: readonly string[]) {
  const days = new Map<string, { key: string; actor: string; day: string; said: number; about: number }>();
  const pairs = new Map<string, { key: string; from: string; to: string; n: number }>();
  const totals = new Map<string, { key: string; said: number; about: number; articles: number }>();
  const months = new Map<string, PairMonthRow>();
  const day = (actor: string, d: string) => {
    const key = `${actor}|${d}`;
    const row = days.get(key) ?? { key, actor, day: d, said: 0, about: 0 };
    days.set(key, row);
    return row;
  };
  const total = (actor: string) => {
    const row = totals.get(actor) ?? { key: actor, said: 0, about: 0, articles: 0 };
    totals.set(actor, row);
    return row;
  };
  for (const s of graph.statements) {
    const { time, timeDay } = statementTime(s.saidAt ?? graph.article.publishedAt);
    const subjects = unique(s.aboutIds);
    if (s.speakerId !== null) {
      total(s.speakerId).said += 1;
      if (timeDay !== null) day(s.speakerId, timeDay).said += 1;
      for (const t of subjects) {
        const key = `${s.speakerId}|${t}`;
        const row = pairs.get(key) ?? { key, from: s.speakerId, to: t, n: 0 };
        row.n += 1;
        pairs.set(key, row);
        addPairMonth(months, s.speakerId, t, s.cueClass ?? null, time, timeDay);
      }
    }
    for (const t of subjects) {
      total(t).about += 1;
      if (timeDay !== null) day(t, timeDay).about += 1;
    }
  }
  for (const m of mentions) total(m).articles += 1;
  return { days: [...days.values()], pairs: [...pairs.values()], totals: [...totals.values()], months: [...months.values()] };
}

/** A row of WRITE.countPairMonths: one (month, speaker, subject, cue class) with its count and time span. */
export interface PairMonthRow {
  key: string;
  month: string;
  from: string;
  to: string;
  cueClass: string | null;
  n: number;
  firstAt: string | null;
  lastAt: string | null;
}

/** Counts one (speaker, subject) statement into its rollup row; its `month` is window.ts rollupBucket of the statement's day. */
export function addPairMonth(rows: Map<string, PairMonthRow>, from: string, to: string, cueClass: string | null, time: string | null, timeDay: string | null): void {
  const month = rollupBucket(timeDay);
  const key = `${month}|${from}|${to}|${cueClass ?? ''}`;
  const row = rows.get(key) ?? { key, month, from, to, cueClass, n: 0, firstAt: time, lastAt: time };
  row.n += 1;
  if (time !== null && (row.firstAt === null || time < row.firstAt)) row.firstAt = time;
  if (time !== null && (row.lastAt === null || time > row.lastAt)) row.lastAt = time;
  rows.set(key, row);
}

/**
 * The properties a Statement node stores: everything but the references,
 * which become relationships. Null values are not stored (both backends drop
 * a property set to null), so readers see null for an absent property.
 */
export function statementProps(s: StatementNode): Record<string, unknown> {
  const { speakerId: _speaker, aboutIds: _about, addresseeId: _addressee, viaId: _via, ...props } = s;
  return props;
}

/**
 * A statement's time as the reads use it, stored on the statement: `time` is
 * `coalesce(saidAt, article.publishedAt)` and `timeDay` its first ten
 * characters (a timestamp gives its day, a coarser value such as "2024-03"
 * stays as it is); both null (not stored) when undated. `timeDay` is indexed,
 * so a time window becomes index lookups of its days (server/graph/window.ts)
 * on Grafeo, whose indexes are hash indexes (equality only), and no read
 * needs the hop to the article for a statement's time. Written once, with the
 * statement: a statement's time never changes after its article is written.
 */
export function statementTime(time: string | null): { time: string | null; timeDay: string | null } {
  return { time, timeDay: time === null ? null : time.slice(0, 10) };
}

/** One row per actor id, aliases and roles unioned, so one UNWIND never merges the same id twice. */
function mergeActors(graph: ArticleGraph): Array<{ id: string; name: string; kind: string; aliases: string[]; roles: string[] }> {
  const byId = new Map<string, { id: string; name: string; kind: string; aliases: string[]; roles: string[] }>();
  for (const a of graph.actors) {
    const seen = byId.get(a.id);
    if (seen) {
      seen.aliases = unique([...seen.aliases, ...a.aliases]);
      seen.roles = unique([...seen.roles, ...a.roles]);
    } else {
      byId.set(a.id, { id: a.id, name: a.name, kind: a.kind, aliases: unique(a.aliases), roles: unique(a.roles) });
    }
  }
  return [...byId.values()];
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
