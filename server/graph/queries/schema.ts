/**
 * Schema set-up, the only Cypher that differs between the backends.
 *
 * Both get a lookup structure on every node's `id` (MERGE on it on every
 * write) and on the properties the read queries filter or sort on. Neo4j gets
 * uniqueness constraints for ids (each brings its own index, and a second
 * index on the same property would be refused); Grafeo gets a named index per
 * looked-up property, without which MERGE scans every node of the label and
 * ingest turns quadratic. Every statement is idempotent (IF NOT EXISTS).
 */

/**
 * The graph model's labels and relationship types: the one list a new
 * feature extends. The Cypher lint declares exactly these, so a query using
 * anything else (a typo, or an undeclared addition) fails the test.
 * MergeDecision and SAME_AS are the API's actor merges (docs/api.md).
 * _Alias, OF, NAMED, REPUBLISHES and CONTRADICTS are the claims step's
 * (docs/claims.md); _Band and IN_BAND its band keys before schema version 11,
 * which moved them onto their members (`_bands`): only that migration names
 * them. _DayCount holds the per-day statement
 * counters the article write maintains (server/graph/write.ts), _ActorDay,
 * _ActorPair and _ActorTotal the actor page's (per actor and day, per speaker
 * and subject, per actor), _PairMonth the network's (per month, speaker,
 * subject and cue class).
 *
 * Bookkeeping (lookup keys, counters, the schema version) lives in one
 * marked namespace: its labels start with `_` (docs/cypher.md, "Bookkeeping
 * labels"), so a user's `MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS
 * WITH '_')` is the domain, and the console's schema views leave them out.
 */
const DOMAIN_LABELS = ['Source', 'Article', 'Actor', 'Statement', 'Claim', 'Event', 'MergeDecision'] as const;
const BOOKKEEPING_LABELS = ['_SchemaVersion', '_Alias', '_Band', '_EventKey', '_DayCount', '_ActorDay', '_ActorPair', '_ActorTotal', '_PairMonth'] as const;
export const MODEL = {
  labels: [...DOMAIN_LABELS, ...BOOKKEEPING_LABELS],
  domainLabels: DOMAIN_LABELS,
  /** Bookkeeping: every label in the marked namespace (a leading `_`). */
  bookkeepingLabels: BOOKKEEPING_LABELS,
  /** Bookkeeping labels a store written now never holds: only the migrations that retired them name them (`_Band`: version 11). */
  retiredLabels: ['_Band'],
  /** Labels of derived data keyed by `key` (lookup keys and counters): no `id`, rebuilt by ingest. */
  derivedLabels: ['_Alias', '_EventKey', '_DayCount', '_ActorDay', '_ActorPair', '_ActorTotal', '_PairMonth'],
  /**
   * The bookkeeping labels' names before schema version 6, which renamed them
   * into the marked namespace: only the migration (SCHEMA.renameLabel*) and
   * the version read name them.
   */
  formerLabels: ['SchemaVersion', 'Alias', 'Band', 'EventKey', 'DayCount', 'ActorDay', 'ActorPair', 'ActorTotal'],
  relationshipTypes: [
    'PUBLISHED', 'CONTAINS', 'SAID', 'ABOUT', 'ADDRESSED_TO', 'VIA', 'INSTANCE_OF', 'MENTIONS',
    'PARTICIPANT', 'REPORTS', 'AT', 'SAME_AS',
    'OF', 'IN_BAND', 'NAMED', 'REPUBLISHES', 'CONTRADICTS',
    'KEYED', // (Event)-[:KEYED]->(_EventKey): the events step's lookup keys (server/events)
  ],
} as const;

/** Labels whose nodes are merged or looked up by `id`: the domain's and the schema version's. */
const ID_LABELS = [...DOMAIN_LABELS, '_SchemaVersion'] as const;

/** Other looked-up properties: [label, property, index name]. */
const LOOKUPS = [
  ['Statement', 'saidAt', 'statement_said_at'],
  // The day of a statement's time (server/graph/write.ts timeDay): time windows look their days up here.
  ['Statement', 'timeDay', 'statement_time_day'],
  ['Actor', 'name', 'actor_name'],
  ['Article', 'publishedAt', 'article_published_at'],
  ['Source', 'name', 'source_name'],
  // The events window.
  ['Event', 'date', 'event_date'],
  // The actor page's counters (server/graph/write.ts): an actor's days, a speaker's and a subject's pairs.
  ['_ActorDay', 'actor', 'bk_actor_day_actor'],
  ['_ActorPair', 'from', 'bk_actor_pair_from'],
  ['_ActorPair', 'to', 'bk_actor_pair_to'],
  // The network's monthly rollups: a window's whole months are looked up here.
  ['_PairMonth', 'month', 'bk_pair_month_month'],
  // ... and a window's hot pairs (WRITE.markHotPairMonths: `hot` is the bucket of a pair with many statements in it).
  ['_PairMonth', 'hot', 'bk_pair_month_hot'],
] as const;

/**
 * Keys that must stay unique beyond ids: [label, property, index name]. The
 * per-day statement counters (server/graph/write.ts, WRITE.countDays) are
 * merged by key and incremented on every article write; on Neo4j two
 * concurrent writers could otherwise both create a day's counter, and a later
 * MERGE would increment both. A uniqueness constraint there (MERGE then locks
 * the key); an index on Grafeo, whose writes are serialised. The same holds
 * for every key MERGEd concurrently (test/graph/schema-constraints.test.ts
 * checks each MERGEd key has its constraint).
 */
const UNIQUE_KEYS = [
  // The claims step's alias index (server/claims), MERGEd by key.
  ['_Alias', 'key', 'bk_alias_key'],
  // The MinHash band keys before schema version 11 (now a list on each member, `_bands`): the migration looks them
  // up by key to delete them.
  ['_Band', 'key', 'bk_band_key'],
  // The events step's lookup keys (server/pipeline/events.ts), MERGEd by key.
  ['_EventKey', 'key', 'bk_event_key_key'],
  ['_DayCount', 'key', 'bk_day_count_key'],
  ['_ActorDay', 'key', 'bk_actor_day_key'],
  ['_ActorPair', 'key', 'bk_actor_pair_key'],
  ['_ActorTotal', 'key', 'bk_actor_total_key'],
  ['_PairMonth', 'key', 'bk_pair_month_key'],
] as const;

/**
 * Index and constraint names of earlier versions, dropped first (IF EXISTS:
 * a no-op on new stores). Range indexes on keys that later got a uniqueness
 * constraint (Neo4j refuses a constraint on a property that already has an
 * index), and everything on the bookkeeping labels' former names (schema
 * version 6): Neo4j's `CREATE ... IF NOT EXISTS` is a no-op when the name
 * exists, whatever its label, so the marked labels' have new names (`bk_`).
 */
const FORMER_INDEXES = [
  'alias_key', 'band_key', 'event_key_key', 'actor_day_actor', 'actor_pair_from', 'actor_pair_to',
  'day_count_key', 'actor_day_key', 'actor_pair_key', 'actor_total_key',
  'schema_version_id', 'alias_id', 'band_id', 'event_key_id', 'day_count_id', 'actor_day_id', 'actor_pair_id', 'actor_total_id',
] as const;
const FORMER_CONSTRAINTS = [
  'alias_key_unique', 'band_key_unique', 'event_key_key_unique', 'day_count_key_unique', 'actor_day_key_unique',
  'actor_pair_key_unique', 'actor_total_key_unique',
  'schema_version_id_unique', 'alias_id_unique', 'band_id_unique', 'event_key_id_unique', 'day_count_id_unique',
  'actor_day_id_unique', 'actor_pair_id_unique', 'actor_total_id_unique',
] as const;

/** `ActorDay` -> `actor_day`; a bookkeeping label `_ActorDay` -> `bk_actor_day`. */
const snake = (label: string) =>
  (label.startsWith('_') ? 'bk_' : '') + label.replace(/^_/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** Neo4j 5: uniqueness constraints on ids, range indexes on the other looked-up properties. */
export const SCHEMA_NEO4J: Readonly<Record<string, string>> = Object.fromEntries([
  ...FORMER_CONSTRAINTS.map((name) => [`drop_${name}`, `DROP CONSTRAINT ${name} IF EXISTS`]),
  ...FORMER_INDEXES.map((name) => [`drop_${name}`, `DROP INDEX ${name} IF EXISTS`]),
  ...ID_LABELS.map((l) => [
    `${snake(l)}_id_unique`,
    `CREATE CONSTRAINT ${snake(l)}_id_unique IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`,
  ]),
  ...LOOKUPS.map(([l, p, name]) => [name, `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${l}) ON (n.${p})`]),
  ...UNIQUE_KEYS.map(([l, p, name]) => [`${name}_unique`, `CREATE CONSTRAINT ${name}_unique IF NOT EXISTS FOR (n:${l}) REQUIRE n.${p} IS UNIQUE`]),
]);

/**
 * Grafeo: one named index per looked-up property, ids included. The syntax is
 * also valid Neo4j, so the lint test checks these too.
 */
export const SCHEMA_EMBEDDED: Readonly<Record<string, string>> = Object.fromEntries([
  ...FORMER_INDEXES.map((name) => [`drop_${name}`, `DROP INDEX ${name} IF EXISTS`]),
  ...ID_LABELS.map((l) => [`${snake(l)}_id`, `CREATE INDEX ${snake(l)}_id IF NOT EXISTS FOR (n:${l}) ON (n.id)`]),
  ...[...LOOKUPS, ...UNIQUE_KEYS].map(([l, p, name]) => [name, `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${l}) ON (n.${p})`]),
]);

/**
 * The schema version record, one node, for later migrations. Same text on
 * both backends.
 */
export const SCHEMA = {
  /** The version, and the one a store of version 5 or older recorded under the former label (SchemaVersion). */
  readVersion: `OPTIONAL MATCH (v:_SchemaVersion {id: 'claimgraph'})
OPTIONAL MATCH (old:SchemaVersion {id: 'claimgraph'})
RETURN v.version AS version, old.version AS formerVersion`,
  /**
   * Migration to version 6: the bookkeeping labels into the marked namespace
   * (MODEL.formerLabels -> BOOKKEEPING_LABELS), one label at a time (labels
   * cannot be parameters). Safe to run again. The former version node is
   * removed last, after the new one is written (server/graph/schema.ts).
   */
  renameAlias: `MATCH (n:Alias) SET n:_Alias REMOVE n:Alias RETURN count(n) AS n`,
  renameBand: `MATCH (n:Band) SET n:_Band REMOVE n:Band RETURN count(n) AS n`,
  renameEventKey: `MATCH (n:EventKey) SET n:_EventKey REMOVE n:EventKey RETURN count(n) AS n`,
  renameDayCount: `MATCH (n:DayCount) SET n:_DayCount REMOVE n:DayCount RETURN count(n) AS n`,
  renameActorDay: `MATCH (n:ActorDay) SET n:_ActorDay REMOVE n:ActorDay RETURN count(n) AS n`,
  renameActorPair: `MATCH (n:ActorPair) SET n:_ActorPair REMOVE n:ActorPair RETURN count(n) AS n`,
  renameActorTotal: `MATCH (n:ActorTotal) SET n:_ActorTotal REMOVE n:ActorTotal RETURN count(n) AS n`,
  removeFormerVersion: `MATCH (old:SchemaVersion) DETACH DELETE old RETURN count(*) AS n`,
  /**
   * Migration to version 7: times stored as ISO strings become native
   * temporal values (server/graph/times.ts has the kinds). Each touches only
   * values still stored as strings (`toString(x) = x` holds for a string
   * alone), so it is safe to run again, and it runs after a cypher script
   * written before version 7 is loaded. A coarse value ("2024-03") stays a
   * string, as the write path keeps it.
   */
  convertPublishedAt: `MATCH (a:Article) WHERE toString(a.publishedAt) = a.publishedAt
SET a.publishedAt = datetime(a.publishedAt)
RETURN count(a) AS n`,
  convertRetrievedAt: `MATCH (a:Article) WHERE toString(a.retrievedAt) = a.retrievedAt
SET a.retrievedAt = datetime(a.retrievedAt)
RETURN count(a) AS n`,
  convertSaidAt: `MATCH (s:Statement) WHERE toString(s.saidAt) = s.saidAt AND size(s.saidAt) >= 10
SET s.saidAt = CASE WHEN size(s.saidAt) = 10 THEN date(s.saidAt) ELSE datetime(s.saidAt) END
RETURN count(s) AS n`,
  convertFirstSeen: `MATCH (c:Claim) WHERE toString(c.firstSeen) = c.firstSeen
SET c.firstSeen = datetime(c.firstSeen)
RETURN count(c) AS n`,
  convertLastSeen: `MATCH (c:Claim) WHERE toString(c.lastSeen) = c.lastSeen
SET c.lastSeen = datetime(c.lastSeen)
RETURN count(c) AS n`,
  convertDecisionAt: `MATCH (d:MergeDecision) WHERE toString(d.at) = d.at
SET d.at = datetime(d.at)
RETURN count(d) AS n`,
  convertDecisionUndoneAt: `MATCH (d:MergeDecision) WHERE toString(d.undoneAt) = d.undoneAt
SET d.undoneAt = datetime(d.undoneAt)
RETURN count(d) AS n`,
  writeVersion: `MERGE (v:_SchemaVersion {id: 'claimgraph'})
SET v.version = $version, v.updatedAt = $updatedAt
RETURN v.version AS version`,
  /**
   * Migration to version 2: a statement's time and day stored on it (server/graph/write.ts statementTime),
   * as strings (toString: the times may be native already); the version-7 conversions make them native.
   */
  backfillStatementTime: `MATCH (art:Article)-[:CONTAINS]->(s:Statement)
WHERE s.time IS NULL AND coalesce(s.saidAt, art.publishedAt) IS NOT NULL
WITH s, toString(coalesce(s.saidAt, art.publishedAt)) AS time
SET s.time = time, s.timeDay = substring(time, 0, 10)
RETURN count(s) AS n`,
  /**
   * Migration to version 3: the per-day counters (WRITE.countDays) from the
   * statements already stored. SET, not an increment, so running it again
   * after a crash before the version is written gives the same counts.
   */
  backfillDayCounts: `MATCH (s:Statement)
WHERE s.timeDay IS NOT NULL
WITH s.timeDay AS day, coalesce(s.cueClass, 'other') AS cueClass, count(s) AS n
MERGE (c:_DayCount {key: day + '|' + cueClass})
SET c.day = day, c.cueClass = cueClass, c.n = n
RETURN count(c) AS n`,
  /**
   * Migration to version 4: the actor page's counters (WRITE.countActorDays,
   * WRITE.countActorPairs) from the statements already stored. SETs of whole
   * counts, each leaving the other count of a day as it is, so running them
   * again after a crash before the version is written gives the same counts.
   */
  backfillActorDaysSaid: `MATCH (p:Actor)-[:SAID]->(s:Statement)
WHERE s.timeDay IS NOT NULL
WITH p.id AS actor, s.timeDay AS day, count(s) AS n
MERGE (c:_ActorDay {key: actor + '|' + day})
SET c.actor = actor, c.day = day, c.said = n, c.about = coalesce(c.about, 0)
RETURN count(c) AS n`,
  backfillActorDaysAbout: `MATCH (t:Actor)<-[:ABOUT]-(s:Statement)
WHERE s.timeDay IS NOT NULL
WITH t.id AS actor, s.timeDay AS day, count(DISTINCT s) AS n
MERGE (c:_ActorDay {key: actor + '|' + day})
SET c.actor = actor, c.day = day, c.about = n, c.said = coalesce(c.said, 0)
RETURN count(c) AS n`,
  backfillActorPairs: `MATCH (p:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor)
WITH p.id AS from, t.id AS to, count(DISTINCT s) AS n
MERGE (c:_ActorPair {key: from + '|' + to})
SET c.from = from, c.to = to, c.n = n
RETURN count(c) AS n`,
  /** Migration to version 5: the per-actor totals (WRITE.countActorTotals), whole counts SET at once (safe to run again). */
  backfillActorTotals: `MATCH (a:Actor)
WITH a, COUNT { (a)-[:SAID]->(:Statement) } AS said, COUNT { (a)<-[:ABOUT]-(:Statement) } AS about,
  COUNT { (a)<-[:MENTIONS]-(:Article) } AS articles
WHERE said > 0 OR about > 0 OR articles > 0
MERGE (c:_ActorTotal {key: a.id})
SET c.said = said, c.about = about, c.articles = articles
RETURN count(c) AS n`,
  /**
   * Migration to version 8: the network's monthly rollups (WRITE.countPairMonths)
   * from the statements already stored, whole counts SET (safe to run again);
   * the bucket as window.ts rollupBucket computes it. One SAID per statement
   * and ABOUT merged, so count(s) counts statements. Run per page of
   * speakers (`$ids`, from pairMonthSpeakers; server/graph/schema.ts): a
   * rollup belongs to one speaker, so a page never splits one, and no page
   * reaches Grafeo's 30 s query timeout, which the whole store at 1M did.
   */
  pairMonthSpeakers: `MATCH (p:Actor)
WITH p.id AS id, COUNT { (p)-[:SAID]->(:Statement) } AS said
WHERE said > 0
RETURN id, said
ORDER BY id`,
  backfillPairMonths: `MATCH (p:Actor)
WHERE p.id IN $ids
MATCH (p)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor)
WITH CASE WHEN s.timeDay IS NULL THEN ''
    WHEN size(s.timeDay) = 10 AND substring(s.timeDay, 8) >= '01' AND substring(s.timeDay, 8) <= '31' THEN substring(s.timeDay, 0, 8) + '*'
    ELSE s.timeDay END AS month, p.id AS from, t.id AS to, s.cueClass AS cueClass,
  count(s) AS n, min(s.time) AS firstAt, max(s.time) AS lastAt
MERGE (c:_PairMonth {key: month + '|' + from + '|' + to + '|' + coalesce(cueClass, '')})
SET c.month = month, c.from = from, c.to = to, c.cueClass = cueClass, c.n = n, c.firstAt = firstAt, c.lastAt = lastAt
RETURN count(c) AS n`,
  /**
   * Migration to version 9: the hot flag of the network's rollups
   * (WRITE.markHotPairMonths) on the rollups already stored, one bucket at a
   * time (`$month`, from rollupBuckets: a bucket is about 41,000 rollups on
   * the 1M bench store, far from Grafeo's 30 s query timeout). Safe to run
   * again: it sets the same flags.
   */
  rollupBuckets: `MATCH (c:_PairMonth)
RETURN DISTINCT c.month AS month
ORDER BY month`,
  markHotBucket: `MATCH (c:_PairMonth)
WHERE c.month = $month AND c.from <> c.to
WITH c.from AS from, c.to AS to, collect(c) AS cs, sum(c.n) AS n
WHERE n >= $hotAt
UNWIND cs AS c
SET c.hot = c.month
RETURN count(c) AS n`,
  /**
   * Migration to version 10: statements keep only the texts they cannot be
   * read back from (server/graph/write.ts storedStatementProps), a page of
   * articles at a time (server/graph/schema.ts compactStatementTexts): each
   * article's text and the texts its statements still store; the code
   * compares them (a sentence with the article's text sliced in JavaScript,
   * as the extractor counted its offsets) and removes what is a copy. Safe to
   * run again: what is removed is not read again.
   */
  statementTextsPage: `MATCH (a:Article)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
RETURN a.id AS id, a.text AS text,
  [(a)-[:CONTAINS]->(s:Statement) WHERE s.sentence IS NOT NULL OR s.quote IS NOT NULL |
    {id: s.id, content: s.content, quote: s.quote, sentence: s.sentence, sentenceStart: s.sentenceStart, sentenceEnd: s.sentenceEnd}] AS statements`,
  /**
   * Migration to version 11: the band keys onto their members (server/graph/schema.ts moveBandsToMembers). A page
   * of `_Band` nodes with their members; then each member's keys appended to its `_bands` (those it lacks: a rerun
   * after a crash adds nothing) and the page's nodes deleted, in one write.
   */
  bandsPage: `MATCH (b:_Band)
WITH b
LIMIT $limit
RETURN b.key AS key, [(b)<-[:IN_BAND]-(m:Article) | m.id] AS articles, [(b)<-[:IN_BAND]-(m:Statement) | m.id] AS statements`,
  bandsToMembers: `CALL () {
  UNWIND $articles AS r
  MATCH (a:Article {id: r.id})
  SET a._bands = coalesce(a._bands, []) + [k IN r.keys WHERE NOT k IN coalesce(a._bands, [])]
}
CALL () {
  UNWIND $statements AS r
  MATCH (s:Statement {id: r.id})
  SET s._bands = coalesce(s._bands, []) + [k IN r.keys WHERE NOT k IN coalesce(s._bands, [])]
}
CALL () {
  UNWIND $keys AS key
  MATCH (b:_Band {key: key})
  DETACH DELETE b
}
RETURN size($keys) AS n`,
  removeSentences: `UNWIND $ids AS id
MATCH (s:Statement {id: id})
REMOVE s.sentence
RETURN count(s) AS n`,
  markQuotesContent: `UNWIND $ids AS id
MATCH (s:Statement {id: id})
SET s.quoteIsContent = true
REMOVE s.quote
RETURN count(s) AS n`,
} as const;

/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const SCHEMA_PARAMS: { [K in keyof typeof SCHEMA]: Record<string, unknown> } = {
  readVersion: {},
  renameAlias: {},
  renameBand: {},
  renameEventKey: {},
  renameDayCount: {},
  renameActorDay: {},
  renameActorPair: {},
  renameActorTotal: {},
  removeFormerVersion: {},
  convertPublishedAt: {},
  convertRetrievedAt: {},
  convertSaidAt: {},
  convertFirstSeen: {},
  convertLastSeen: {},
  convertDecisionAt: {},
  convertDecisionUndoneAt: {},
  writeVersion: { version: 2, updatedAt: '2024-01-01T00:00:00.000Z' },
  backfillStatementTime: {},
  backfillDayCounts: {},
  backfillActorDaysSaid: {},
  backfillActorDaysAbout: {},
  backfillActorPairs: {},
  backfillActorTotals: {},
  pairMonthSpeakers: {},
  backfillPairMonths: { ids: ['act_0', 'act_1'] },
  rollupBuckets: {},
  markHotBucket: { month: '2024-01-*', hotAt: 5 },
  statementTextsPage: { after: '', limit: 1000 },
  bandsPage: { limit: 1000 },
  bandsToMembers: { articles: [{ id: 'art_0', keys: ['art:0:abc'] }], statements: [{ id: 'stm_0', keys: ['sp|act_0|0:0:abc'] }], keys: ['art:0:abc'] },
  removeSentences: { ids: ['stm_0'] },
  markQuotesContent: { ids: ['stm_0'] },
};

/** Parameters of the generated schema statements: none. */
export const SCHEMA_NEO4J_PARAMS: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.keys(SCHEMA_NEO4J).map((k) => [k, {}]),
);
export const SCHEMA_EMBEDDED_PARAMS: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.keys(SCHEMA_EMBEDDED).map((k) => [k, {}]),
);
