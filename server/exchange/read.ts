import type { ArticleGraph, GraphStore, Row, StatementNode, ActorNode, SourceNode, ArticleNode } from '../graph/types.js';
import { EXPORT } from '../graph/queries/export.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Reads one article back from the store as the write unit it was stored from,
 * so export -> import reproduces the same graph through the same transaction path.
 */
export async function readArticleGraph(store: GraphStore, id: string): Promise<ArticleGraph | null> {
  const [head] = await store.run(EXPORT.articleWithSource, { id });
  if (!head) return null;
  const article = head.article as Record<string, unknown>;
  const source = head.source as Record<string, unknown> | null;
  const actors = (await store.run(EXPORT.articleActors, { id })).map((r) => toActor(r.actor as Row));
  const statements = (await store.run(EXPORT.articleStatements, { id })).map(toStatement);
  return {
    source: source ? ({ id: String(source.id), name: String(source.name), domain: str(source.domain) } satisfies SourceNode) : null,
    article: {
      id: String(article.id),
      url: str(article.url),
      title: String(article.title ?? ''),
      publishedAt: str(article.publishedAt),
      publishedAtPrecision: (article.publishedAtPrecision ?? 'unknown') as ArticleNode['publishedAtPrecision'],
      retrievedAt: String(article.retrievedAt ?? ''),
      contentHash: String(article.contentHash ?? ''),
      language: String(article.language ?? 'und'),
      text: String(article.text ?? ''),
    },
    actors,
    statements,
    mentions: actors.map((a) => a.id),
  };
}

function toActor(p: Row): ActorNode {
  return {
    id: String(p.id),
    name: String(p.name),
    kind: p.kind as ActorNode['kind'],
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    roles: Array.isArray(p.roles) ? p.roles.map(String) : [],
  };
}

function toStatement(row: Row): StatementNode {
  const p = row.props as Row;
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  return {
    id: String(p.id),
    content: String(p.content),
    quote: str(p.quote),
    direct: p.direct === true,
    cue: String(p.cue),
    cueLemma: String(p.cueLemma),
    cueClass: p.cueClass as StatementNode['cueClass'],
    saidAt: str(p.saidAt),
    saidAtPrecision: p.saidAtPrecision as StatementNode['saidAtPrecision'],
    timeText: str(p.timeText),
    sentence: String(p.sentence),
    sentenceStart: num(p.sentenceStart),
    sentenceEnd: num(p.sentenceEnd),
    start: num(p.start),
    end: num(p.end),
    confidence: num(p.confidence),
    speakerId: str(row.speakerId),
    speakerMention: str(p.speakerMention),
    aboutIds: Array.isArray(row.aboutIds) ? [...row.aboutIds].map(String).sort() : [],
    addresseeId: str(row.addresseeId),
    viaId: str(row.viaId),
  };
}

/** Every article id in id order, a page at a time. */
export async function* articleIds(store: GraphStore, pageSize = 500): AsyncGenerator<string> {
  let after = '';
  for (;;) {
    const rows = await store.run(EXPORT.articleIds, { after, limit: pageSize });
    for (const r of rows) yield String(r.id);
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

export async function countArticles(store: GraphStore): Promise<number> {
  const [row] = await store.run(EXPORT.articleCount, {});
  return Number(row?.n ?? 0);
}

/** Every node (labels and properties) in id order, then the relationships leaving each page of nodes. */
export async function* graphPages(
  store: GraphStore,
  pageSize = 1000,
): AsyncGenerator<{ nodes: { labels: string[]; props: Row }[]; relationships: { from: string; type: string; to: string; props: Row }[] }> {
  let after = '';
  for (;;) {
    const rows = await store.run(EXPORT.nodesPage, { after, limit: pageSize });
    const nodes = rows.map((r) => ({ labels: (r.labels as string[]).slice().sort(), props: r.props as Row }));
    const ids = nodes.map((n) => String(n.props.id));
    const rels = ids.length
      ? (await store.run(EXPORT.relationshipsFrom, { ids })).map((r) => ({
          from: String(r.from),
          type: String(r.type),
          to: String(r.to),
          props: (r.props as Row | null) ?? {},
        }))
      : [];
    yield { nodes, relationships: rels };
    if (rows.length < pageSize) return;
    after = ids[ids.length - 1]!;
  }
}
