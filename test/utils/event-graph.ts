import type { GraphStore, Row } from '../../server/graph/types.js';

const EVENT_GRAPH = `MATCH (e:Event) RETURN properties(e) AS props,
  [(e)-[:PARTICIPANT]->(a:Actor) | a.id] AS participants, [(art:Article)-[:REPORTS]->(e) | art.id] AS reports,
  [(art:Article)-[rep:REPORTS]->(e) | {article: art.id, start: rep.start, end: rep.end, starts: rep.starts, ends: rep.ends}] AS spans,
  [(s:Statement)-[:AT]->(e) | s.id] AS at, [(e)-[:KEYED]->(k:_EventKey) | k.key] AS keys ORDER BY e.id`;

/**
 * Every Event with its links, the sentence spans of its REPORTS (by article)
 * and its lookup keys; lists sorted, since the order a store lists them in is
 * not part of the graph.
 */
export async function eventGraph(store: GraphStore): Promise<Row[]> {
  return (await store.run(EVENT_GRAPH)).map((r) => ({
    ...r,
    ...Object.fromEntries(['participants', 'reports', 'at', 'keys'].map((k) => [k, [...(r[k] as string[])].sort()])),
    spans: [...(r.spans as Row[])].sort((a, b) => (String(a.article) < String(b.article) ? -1 : 1)),
  }));
}
