/**
 * The graph's read models and repositories: each owns its Cypher
 * (../queries), the choice between the variants of a query, and what its
 * rows hold. Callers outside server/graph use these instead of running query
 * texts; only the user-Cypher route runs text of its own (GraphStore.run).
 */
export * from './statements.js';
export * from './network.js';
export * from './actors.js';
export * from './articles.js';
export * from './claims.js';
export * from './events.js';
export * from './export.js';
