import { articleCount, exportPage, relationshipsFrom, type ExportPage, type ExportRow, type GraphStore, type Row } from '../graph/index.js';

import type { DecisionRecord, EventRecord } from './schema.js';

export { readArticleGraph } from '../graph/index.js';

/** Rows of a query paged by id (`$after`, `$limit`), in id order. */
async function* pagedById<K extends ExportPage>(store: GraphStore, what: K, idOf: (row: ExportRow<K>) => string, pageSize = 500): AsyncGenerator<ExportRow<K>> {
  let after = '';
  for (;;) {
    const rows = await exportPage(store, what, after, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    after = idOf(rows[rows.length - 1]!);
  }
}

/** Node properties without the id and nulls, keys sorted, so the same node always gives the same text. */
function nodeProps(props: Row): Row {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => v !== null && v !== undefined && k !== 'id').sort(([a], [b]) => (a < b ? -1 : 1)));
}

const sortedIds = (ids: readonly string[]): string[] => [...ids].sort();

/** The REPORTS spans by article id (ids sorted, so the same graph always gives the same text); articles without spans left out. */
function reportSpans(spans: ExportRow<'events'>['reportSpans']): Record<string, [number, number][]> | undefined {
  const out: [string, [number, number][]][] = [];
  for (const r of spans) {
    const starts = r.starts ?? [];
    const ends = r.ends ?? [];
    if (starts.length === 0 || starts.length !== ends.length) continue;
    out.push([r.articleId, starts.map((a, i) => [a, ends[i]!])]);
  }
  return out.length > 0 ? Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1))) : undefined;
}

const withSpans = (spans: Record<string, [number, number][]> | undefined) => (spans ? { reportSpans: spans } : {});

/** Every Event with its participants, reporting articles, statements made at it and lookup keys, in id order. */
export async function* eventRecords(store: GraphStore): AsyncGenerator<EventRecord> {
  for await (const row of pagedById(store, 'events', (r) => r.event.id)) {
    const props = row.event;
    yield {
      id: props.id,
      props: nodeProps(props) as EventRecord['props'],
      participantIds: sortedIds(row.participantIds),
      articleIds: sortedIds(row.articleIds),
      ...withSpans(reportSpans(row.reportSpans)),
      statementIds: sortedIds(row.statementIds),
      keys: sortedIds(row.keys),
    };
  }
}

/** Every MergeDecision (active and split), in id order. */
export async function* decisionRecords(store: GraphStore): AsyncGenerator<DecisionRecord> {
  for await (const row of pagedById(store, 'mergeDecisions', (r) => r.decision.id)) {
    const props = row.decision;
    yield { id: props.id, props: nodeProps(props) as DecisionRecord['props'] };
  }
}

/** Every article id in id order, a page at a time. */
export async function* articleIds(store: GraphStore, pageSize = 500): AsyncGenerator<string> {
  for await (const r of pagedById(store, 'articleIds', (row) => row.id, pageSize)) yield r.id;
}

export async function countArticles(store: GraphStore): Promise<number> {
  return articleCount(store);
}

/** Every node (labels and properties) in id order, then the relationships leaving each page of nodes. */
export async function* graphPages(
  store: GraphStore,
  pageSize = 1000,
): AsyncGenerator<{ nodes: { labels: string[]; props: Row & { id: string } }[]; relationships: { from: string; type: string; to: string; props: Row }[] }> {
  let after = '';
  for (;;) {
    const rows = await exportPage(store, 'nodes', after, pageSize);
    const nodes = rows.map((r) => ({ labels: [...r.labels].sort(), props: r.props }));
    const ids = nodes.map((n) => n.props.id);
    const rels = ids.length ? (await relationshipsFrom(store, ids)).map(({ from, type, to, props }) => ({ from, type, to, props })) : [];
    yield { nodes, relationships: rels };
    if (rows.length < pageSize) return;
    after = ids[ids.length - 1]!;
  }
}
