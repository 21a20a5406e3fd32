/**
 * Known differences between Neo4j 5 and the embedded engine (Grafeo 0.6)
 * on valid Neo4j Cypher, as data: the console and POST /api/cypher name
 * them when the embedded engine refuses a query (server/graph/user-cypher.ts),
 * docs/cypher.md lists them, and the fidelity suite (test/graph/fidelity)
 * has a query for each. `handled` says what the embedded path does about it:
 * `rewritten` (the query is rewritten so the embedded store gives Neo4j's
 * answer), `explained` (refused with this entry's message), `noticed`
 * (answered, with a notice naming the difference, because the embedded
 * answer may differ silently), `silent` (cannot be seen in the query text;
 * documented only).
 */
export type DifferenceId =
  | 'string-number-equality'
  | 'round-precision'
  | 'type-predicate'
  | 'date-of-timestamp'
  | 'temporal-accessor'
  | 'duration-between'
  | 'date-truncate'
  | 'sum-of-no-rows'
  | 'map-projection-variable'
  | 'schema-visualization'
  | 'profile-rows'
  | 'show-indexes'
  | 'shortest-path-where';

export interface Difference {
  /** The construct, as the message names it. */
  construct: string;
  neo4j: string;
  embedded: string;
  /** What a user writes instead on the embedded store (or: set NEO4J_URI). */
  rewrite: string;
  handled: 'rewritten' | 'explained' | 'noticed' | 'silent';
}

export const DIFFERENCES: Record<DifferenceId, Difference> = {
  'string-number-equality': {
    construct: 'comparing a number with a string (1 = \'1\')',
    neo4j: 'false: values of different types are never equal',
    embedded: 'true: the string is compared as a number',
    rewrite: 'compare values of one type: toString(x) = \'1\' or x = toInteger(\'1\') (noticed only between literals: a property\'s type is not known from the text)',
    handled: 'noticed',
  },
  'round-precision': {
    construct: 'round(x, precision)',
    neo4j: 'x rounded to `precision` decimals',
    embedded: 'a semantic error: round takes one argument',
    rewrite: 'round(x * 10^n) / 10^n (done for you when n is a whole-number literal)',
    handled: 'rewritten',
  },
  'type-predicate': {
    construct: 'type predicate expressions (x IS :: STRING)',
    neo4j: 'true or false by the value\'s type',
    embedded: 'a syntax error',
    rewrite: 'compare with a conversion (toString(x) = x) or use NEO4J_URI',
    handled: 'explained',
  },
  'date-of-timestamp': {
    construct: "date() of a timestamp string (date('2019-02-05T10:00:00Z'))",
    neo4j: 'an error: a timestamp cannot be parsed as a date',
    embedded: 'null',
    rewrite: "date(datetime('...')); stored times are native values (schema version 7), so date(a.publishedAt) works on both",
    handled: 'noticed',
  },
  'temporal-accessor': {
    construct: 'a component read straight off a temporal function call (date(x).month)',
    neo4j: 'the component (3 for date(\'2024-03-15\').month)',
    embedded: 'an error: the engine reads components of temporal variables and properties, not of a call',
    rewrite: 'WITH date(x) AS d RETURN d.month, or month(date(x)) (done for you for year, month, day, hour, minute, second)',
    handled: 'rewritten',
  },
  'duration-between': {
    construct: 'duration.between / duration.inMonths / duration.inDays / duration.inSeconds',
    neo4j: 'the duration between two temporal values',
    embedded: 'a syntax error',
    rewrite: 'date(b) - date(a) gives the days between two dates (as P74D, not P2M14D), or use NEO4J_URI',
    handled: 'explained',
  },
  'date-truncate': {
    construct: 'date.truncate / datetime.truncate',
    neo4j: 'the value truncated to the unit',
    embedded: 'a syntax error',
    rewrite: 'date_trunc(\'year\' | \'month\' | \'day\', x) (done for you for those units; other units: use NEO4J_URI)',
    handled: 'rewritten',
  },
  'sum-of-no-rows': {
    construct: 'sum() over no rows',
    neo4j: '0',
    embedded: 'null',
    rewrite: 'coalesce(sum(x), 0) (done for you)',
    handled: 'rewritten',
  },
  'map-projection-variable': {
    construct: 'a variable in a map projection (a {.name, said})',
    neo4j: 'the entry said: said',
    embedded: 'a syntax error',
    rewrite: 'a {.name, said: said} (done for you)',
    handled: 'rewritten',
  },
  'schema-visualization': {
    construct: 'the schema procedures db.schema.visualization, db.schema.nodeTypeProperties, db.schema.relTypeProperties and dbms.components',
    neo4j: 'the schema as virtual nodes and relationships, property types, the server version',
    embedded: 'unknown procedure',
    rewrite: 'CALL db.labels(), CALL db.relationshipTypes(), CALL db.propertyKeys(), or use NEO4J_URI',
    handled: 'explained',
  },
  'profile-rows': {
    construct: 'PROFILE',
    neo4j: 'the query\'s rows; the plan with row counts comes beside them',
    embedded: 'one row holding the plan text instead of the rows',
    rewrite: 'none needed: the console and /api/cypher run the query for its rows and PROFILE for its plan (`plan`)',
    handled: 'rewritten',
  },
  'show-indexes': {
    construct: 'SHOW INDEXES with YIELD, SHOW FUNCTIONS, SHOW PROCEDURES',
    neo4j: 'columns id, name, state, type, entityType, labelsOrTypes, properties, ... ; the function and procedure lists',
    embedded: 'plain SHOW INDEXES lists name, type, label, property; YIELD and SHOW FUNCTIONS/PROCEDURES are syntax errors',
    rewrite: 'SHOW INDEXES without YIELD (columns name, type, label, property), or use NEO4J_URI',
    handled: 'explained',
  },
  'shortest-path-where': {
    construct: 'shortestPath with a WHERE on the path (none(r IN relationships(p) WHERE ...))',
    neo4j: 'the shortest path among those that pass the predicate',
    embedded: 'no row when the shortest path fails the predicate (it is filtered after the search)',
    rewrite: 'MATCH p = (a)-[*..3]-(b) WHERE <predicate> RETURN p ORDER BY length(p) LIMIT 1',
    handled: 'noticed',
  },
};

/** The message for a query the embedded store cannot run as Neo4j would. */
export function unsupportedMessage(id: DifferenceId): string {
  const d = DIFFERENCES[id];
  return `valid Neo4j Cypher that the embedded store does not support: ${d.construct}; ${d.rewrite} (or use NEO4J_URI)`;
}
