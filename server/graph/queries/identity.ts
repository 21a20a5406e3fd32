/**
 * Queries of the identity re-run (server/claims/rerun.ts, `claimgraph
 * rerun-identity`): read every actor page by page, rebuild the alias index
 * under the current rules. Merges go through the API's merge decisions
 * (server/api/merge.ts), so they are recorded and can be split like a
 * user's.
 */
export const IDENTITY = {
  /** Actors after `$after` in id order, `$limit` at a time. */
  actorsPage: `MATCH (a:Actor)
WHERE a.id > $after
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles, a.mergedInto AS mergedInto
ORDER BY id
LIMIT $limit`,
  /** Every merge decision, active or undone: the re-run never goes against one made by a user. */
  allDecisions: `MATCH (d:MergeDecision)
RETURN d.id AS id, d.from AS from, d.into AS into, d.note AS note, d.undoneAt AS undoneAt
ORDER BY id`,
  countAliases: `MATCH (al:_Alias)
RETURN count(al) AS n`,
  /** Removes up to `$limit` alias keys with their OF links; returns how many went. */
  clearAliases: `MATCH (al:_Alias)
WITH al LIMIT $limit
DETACH DELETE al
RETURN count(*) AS n`,
  /** Indexes actors under their keys: rows of {actorId, keys}. */
  indexActors: `UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
UNWIND r.keys AS key
MERGE (al:_Alias {key: key})
MERGE (al)-[:OF]->(a)
RETURN count(*) AS n`,
} as const;
