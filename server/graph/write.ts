import { storeFailed } from '../errors.js';
import { WRITE } from './queries/write.js';
import { ACTOR_MONTH_SLOTS, actorMonthSlot, ROLLUP_CUE_KEYS, ROLLUP_HOT_AT, rollupBucket } from './window.js';
import type { ActorNode, ArticleGraph, Row, StatementNode, WriteStatus } from './types.js';

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
 * Writes one article inside an open transaction (a batch of one:
 * writeArticlesInTx). Returns 'unchanged' (having written nothing) when the
 * article id is already stored.
 */
export async function writeArticleInTx(run: TxRun, graph: ArticleGraph): Promise<WriteStatus> {
  const [status] = await writeArticlesInTx(run, [graph]);
  return status!;
}

/**
 * Writes a batch of articles inside one open transaction: the same query
 * sequence on both backends, one query per kind of row for the whole batch
 * (issue 19), so a batch costs what one article costs in round trips.
 * Returns each article's status in input order: 'unchanged' (nothing
 * written for it) when its id is already stored or came earlier in the
 * batch. The check runs in the same transaction, so a concurrent writer of
 * the same article cannot slip between check and write on Neo4j's
 * uniqueness constraints. What the batch writes is what writing its
 * articles one after the other writes (actor aliases unioned in article
 * order, counters summed). Throws STORE_FAILED when a statement points at an
 * actor that is neither in the batch nor in the store: the caller rolls the
 * whole transaction back (and may write the batch's articles one by one to
 * find the bad one).
 */
export async function writeArticlesInTx(run: TxRun, graphs: readonly ArticleGraph[]): Promise<WriteStatus[]> {
  if (graphs.length === 0) return [];
  const stored = new Set((await run(WRITE.articlesExist, { ids: unique(graphs.map((g) => g.article.id)) })).map((r) => String(r.id)));
  const fresh: ArticleGraph[] = [];
  const statuses = graphs.map((g): WriteStatus => {
    if (stored.has(g.article.id)) return 'unchanged';
    stored.add(g.article.id);
    fresh.push(g);
    return 'created';
  });
  for (const step of articleWritePlan(fresh)) {
    const rows = await run(step.query, step.params);
    if (step.expectLinked !== undefined) {
      const linked = Number(rows[0]?.linked ?? 0);
      if (linked < step.expectLinked) {
        throw storeFailed(
          `article ${fresh.map((g) => g.article.id).join(', ')}: ${step.name} linked ${linked} of ${step.expectLinked}; ` +
            `a statement or mention refers to an actor id that is neither in the article's actors nor in the store`,
        );
      }
    }
  }
  return statuses;
}

/**
 * The queries that write a batch of articles (distinct ids, none stored),
 * in order (nodes before the relationships that need them). Steps with
 * nothing to write are left out, so a small batch is five or six round trips.
 */
export function articleWritePlan(graphs: readonly ArticleGraph[]): WriteStep[] {
  const all = <T>(pick: (g: ArticleGraph) => T[]): T[] => graphs.flatMap(pick);
  const steps: WriteStep[] = [];
  if (graphs.length === 0) return steps;
  steps.push({ name: 'upsertArticle', query: WRITE.upsertArticle, params: { articles: graphs.map((g) => ({ id: g.article.id, props: { ...g.article } })) } });
  const sources = mergeSources(graphs);
  if (sources.length > 0) {
    steps.push({ name: 'upsertSource', query: WRITE.upsertSource, params: { sources } });
    const links = all((g) => (g.source ? [{ articleId: g.article.id, sourceId: g.source.id }] : []));
    steps.push({ name: 'linkSource', query: WRITE.linkSource, params: { links }, expectLinked: links.length });
  }
  const actors = mergeActors(all((g) => g.actors));
  if (actors.length > 0) steps.push({ name: 'upsertActors', query: WRITE.upsertActors, params: { actors } });
  // The article's own names for its actors, in its own transaction (issue 14, defect 4): what the claims step and
  // a crash recovery read, never the lists the actor node gathered from other articles.
  const named = all((g) =>
    mergeActors(g.actors)
      .filter((a) => a.aliases.length > 0 || a.roles.length > 0)
      .map((a) => ({ articleId: g.article.id, actorId: a.id, aliases: a.aliases, roles: a.roles })),
  );
  if (named.length > 0) steps.push({ name: 'linkNamed', query: WRITE.linkNamed, params: { rows: named }, expectLinked: named.length });
  const mentions = all((g) => unique(g.mentions).map((actorId) => ({ articleId: g.article.id, actorId })));
  if (mentions.length > 0) {
    steps.push({ name: 'linkMentions', query: WRITE.linkMentions, params: { links: mentions }, expectLinked: mentions.length });
  }
  const statements = all((g) =>
    g.statements.map((s) => {
      const props = { ...storedStatementProps(s, g.article.text), ...statementTime(s.saidAt ?? g.article.publishedAt) };
      return { articleId: g.article.id, id: s.id, props };
    }),
  );
  if (statements.length > 0) {
    steps.push({ name: 'upsertStatements', query: WRITE.upsertStatements, params: { statements } });
    // The per-day counters of the unfiltered timeline, from the statements just written (same transaction).
    const articleIds = graphs.filter((g) => g.statements.length > 0).map((g) => g.article.id);
    steps.push({ name: 'countDays', query: WRITE.countDays, params: { articleIds } });
  }
  const links = (name: 'linkSpeakers' | 'linkAbout' | 'linkAddressees' | 'linkVia', pick: (s: StatementNode) => Array<string | null>) => {
    const rows: Array<{ statementId: string; actorId: string }> = [];
    for (const g of graphs) {
      const seen = new Set<string>();
      for (const s of g.statements) {
        for (const actorId of pick(s)) {
          const key = `${s.id}\u0000${actorId}`;
          if (actorId === null || seen.has(key)) continue;
          seen.add(key);
          rows.push({ statementId: s.id, actorId });
        }
      }
    }
    if (rows.length > 0) steps.push({ name, query: WRITE[name], params: { links: rows }, expectLinked: rows.length });
  };
  links('linkSpeakers', (s) => [s.speakerId]);
  links('linkAbout', (s) => s.aboutIds);
  links('linkAddressees', (s) => [s.addresseeId]);
  links('linkVia', (s) => [s.viaId]);
  // The actor page's counters, added to in the same transaction, after the links they count: each article's
  // counts as writing it alone would add them, summed per counter.
  const counts = sumCounts(graphs.map((g) => actorCounts(g, unique(g.mentions))));
  if (counts.days.length > 0) steps.push({ name: 'countActorMonths', query: WRITE.countActorMonths, params: { rows: counts.days } });
  if (counts.pairs.length > 0) steps.push({ name: 'countActorPairs', query: WRITE.countActorPairs, params: { rows: counts.pairs } });
  if (counts.totals.length > 0) steps.push({ name: 'countActorTotals', query: WRITE.countActorTotals, params: { rows: counts.totals } });
  if (counts.months.length > 0) steps.push({ name: 'countPairMonths', query: WRITE.countPairMonths, params: { rows: counts.months } });
  const hot = hotPairRows(counts.months);
  if (hot.length > 0) steps.push({ name: 'markHotPairMonths', query: WRITE.markHotPairMonths, params: { pairs: hot, hotAt: ROLLUP_HOT_AT } });
  return steps;
}

type Counts = ReturnType<typeof actorCounts>;

/** The counter rows of several articles, one row per key with the numbers summed (first-seen order). */
function sumCounts(list: Counts[]): Counts {
  if (list.length === 1) return list[0]!;
  const sum = <R extends { key: string }>(rows: R[], fields: ReadonlyArray<keyof R>): R[] => {
    const byKey = new Map<string, R>();
    for (const r of rows) {
      const seen = byKey.get(r.key);
      if (!seen) byKey.set(r.key, { ...r });
      else for (const f of fields) (seen[f] as number) += r[f] as number;
    }
    return [...byKey.values()];
  };
  return {
    days: sumActorMonths(list.flatMap((c) => c.days)),
    pairs: sum(list.flatMap((c) => c.pairs), ['n']),
    totals: sum(list.flatMap((c) => c.totals), ['said', 'about', 'articles']),
    months: sumPairMonths(list.flatMap((c) => c.months)),
  };
}

/**
 * What one article adds to the actor counters (WRITE.countActorMonths,
 * countActorPairs, countActorTotals) and the network's monthly rollups
 * (WRITE.countPairMonths), counted the way the links are written:
 * one speaker per statement, its ABOUT actors deduplicated, days by
 * `timeDay` (undated statements count in pairs and totals only), and one
 * article per mentioned actor.
 */
function actorCounts(graph: ArticleGraph, mentions: readonly string[]) {
  const days = new Map<string, ActorMonthRow>();
  const pairs = new Map<string, { key: string; from: string; to: string; n: number }>();
  const totals = new Map<string, { key: string; said: number; about: number; articles: number }>();
  const months = new Map<string, PairMonthRow>();
  // An actor's dated statements, counted in its month node at the day's slot (window.ts actorMonthSlot).
  const day = (actor: string, d: string, field: 'said' | 'about') => {
    const { month, slot } = actorMonthSlot(d);
    const key = `${actor}|${month}`;
    const row = days.get(key) ?? { key, actor, month, said: new Array<number>(ACTOR_MONTH_SLOTS).fill(0), about: new Array<number>(ACTOR_MONTH_SLOTS).fill(0) };
    days.set(key, row);
    row[field][slot]! += 1;
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
      if (timeDay !== null) day(s.speakerId, timeDay, 'said');
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
      if (timeDay !== null) day(t, timeDay, 'about');
    }
  }
  for (const m of mentions) total(m).articles += 1;
  return { days: [...days.values()], pairs: [...pairs.values()], totals: [...totals.values()], months: [...months.values()] };
}

/** A row of WRITE.countActorMonths: an actor's dated statements made and about it in one month bucket, per slot (window.ts actorMonthSlot). */
export interface ActorMonthRow {
  key: string;
  actor: string;
  month: string;
  said: number[];
  about: number[];
}

/** Month counter rows of several articles, one per key, slot by slot summed. */
function sumActorMonths(rows: ActorMonthRow[]): ActorMonthRow[] {
  const byKey = new Map<string, ActorMonthRow>();
  for (const r of rows) {
    const seen = byKey.get(r.key);
    if (!seen) {
      byKey.set(r.key, { ...r, said: [...r.said], about: [...r.about] });
      continue;
    }
    for (let i = 0; i < ACTOR_MONTH_SLOTS; i++) {
      seen.said[i]! += r.said[i]!;
      seen.about[i]! += r.about[i]!;
    }
  }
  return [...byKey.values()];
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

/**
 * The pair buckets a batch's rollup rows touched, each with the keys of all
 * its rollups (every cue class, and any class a row has beyond those) and
 * of the rollups the batch wrote (`touched`), for
 * WRITE.markHotPairMonths. A speaker about itself is left out: the network
 * never shows a loop.
 */
export function hotPairRows(rows: readonly PairMonthRow[]): Array<{ month: string; keys: string[]; touched: string[] }> {
  const byPair = new Map<string, { month: string; keys: string[]; touched: string[] }>();
  for (const r of rows) {
    if (r.from === r.to) continue;
    const prefix = `${r.month}|${r.from}|${r.to}|`;
    let pair = byPair.get(prefix);
    if (!pair) {
      pair = { month: r.month, keys: ROLLUP_CUE_KEYS.map((c) => prefix + c), touched: [] };
      byPair.set(prefix, pair);
    }
    if (!pair.keys.includes(r.key)) pair.keys.push(r.key);
    if (!pair.touched.includes(r.key)) pair.touched.push(r.key);
  }
  return [...byPair.values()];
}

/** Rollup rows of several articles, one per key: counts summed, the earliest first and the latest last time kept. */
function sumPairMonths(rows: PairMonthRow[]): PairMonthRow[] {
  const byKey = new Map<string, PairMonthRow>();
  for (const r of rows) {
    const seen = byKey.get(r.key);
    if (!seen) {
      byKey.set(r.key, { ...r });
      continue;
    }
    seen.n += r.n;
    if (r.firstAt !== null && (seen.firstAt === null || r.firstAt < seen.firstAt)) seen.firstAt = r.firstAt;
    if (r.lastAt !== null && (seen.lastAt === null || r.lastAt > seen.lastAt)) seen.lastAt = r.lastAt;
  }
  return [...byKey.values()];
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
 * What a statement node stores (issue 19, serving memory): its properties
 * (statementProps) without the texts it can be read back from. `sentence` is
 * left out when it is the article's text between `sentenceStart` and
 * `sentenceEnd` (always, for what the pipeline writes), and `quote` when it
 * is the content (every direct statement the pipeline writes), marked by
 * `quoteIsContent` instead. records.ts statementTexts puts them back. On the
 * synthetic 1M store the three texts were three copies of about 100
 * characters per statement.
 */
export function storedStatementProps(s: StatementNode, articleText: string): Record<string, unknown> {
  const { quote, sentence, ...props } = statementProps(s);
  return {
    ...props,
    ...(quote !== null && quote === s.content ? { quoteIsContent: true } : { quote }),
    ...(articleText.slice(s.sentenceStart, s.sentenceEnd) === sentence ? {} : { sentence }),
  };
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

/**
 * One row per actor id, aliases and roles unioned in order, so one UNWIND
 * never merges the same id twice: the first sighting's name and kind, and
 * the lists the node would gather from these sightings one after the other.
 */
function mergeActors(list: readonly ActorNode[]): Array<{ id: string; name: string; kind: string; aliases: string[]; roles: string[] }> {
  const byId = new Map<string, { id: string; name: string; kind: string; aliases: string[]; roles: string[] }>();
  for (const a of list) {
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

/** One row per outlet: the first article's name, the first domain any article gives (as the upsert would keep it). */
function mergeSources(graphs: readonly ArticleGraph[]): Array<{ id: string; props: { id: string; name: string; domain: string | null } }> {
  const byId = new Map<string, { id: string; props: { id: string; name: string; domain: string | null } }>();
  for (const g of graphs) {
    if (!g.source) continue;
    const { id, name, domain } = g.source;
    const seen = byId.get(id);
    if (!seen) byId.set(id, { id, props: { id, name, domain } });
    else seen.props.domain = seen.props.domain ?? domain;
  }
  return [...byId.values()];
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
