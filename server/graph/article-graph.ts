import type { ArticleGraph, GraphStore, Row, StatementNode, ActorNode, SourceNode, ArticleNode } from './types.js';
import { EXPORT } from './queries/export.js';
import { CLAIMS } from './queries/claims.js';
import { statementTexts } from './records.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Reads one stored article back as the write unit it was stored from: what
 * export -> import writes through the same transaction path, and what the
 * derived steps (events) re-run over for an article already stored.
 */
export async function readArticleGraph(store: GraphStore, id: string): Promise<ArticleGraph | null> {
  const [head] = await store.run(EXPORT.articleWithSource, { id });
  if (!head) return null;
  const article = head.article as Record<string, unknown>;
  const source = head.source as Record<string, unknown> | null;
  const actors = (await store.run(EXPORT.articleActors, { id })).map((r) => toActor(r.actor as Row));
  const text = String(article.text ?? '');
  const statements = (await store.run(EXPORT.articleStatements, { id })).map((r) => toStatement(r, text));
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
      text,
    },
    actors,
    statements,
    mentions: actors.map((a) => a.id),
  };
}

/**
 * Reads one stored article back as its own write left it, for the derived
 * steps of an article whose steps did not finish (a crash after its
 * commit): as readArticleGraph, but each actor carries the aliases and roles
 * this article gave it (its NAMED edge, written in the article's
 * transaction; none when it named the actor plainly), not the lists the
 * actor node gathered from every article. The claims and events steps then
 * get the input the clean run gave them (issue 14, defect 4).
 */
export async function readWrittenArticleGraph(store: GraphStore, id: string): Promise<ArticleGraph | null> {
  const graph = await readArticleGraph(store, id);
  if (graph === null) return null;
  const named = new Map((await store.run(CLAIMS.articleNamings, { id })).map((r) => [String(r.id), r]));
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    ...graph,
    actors: graph.actors.map((a) => ({ ...a, aliases: list(named.get(a.id)?.aliases), roles: list(named.get(a.id)?.roles) })),
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

/** A statement as written, from its stored properties and its article's text (records.ts statementTexts puts back what it may not store). */
function toStatement(row: Row, articleText: string): StatementNode {
  const p = row.props as Row;
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  const texts = statementTexts({
    content: String(p.content), direct: p.direct === true, quote: str(p.quote), quoteIsContent: p.quoteIsContent === true,
    sentence: str(p.sentence), sentenceStart: num(p.sentenceStart), sentenceEnd: num(p.sentenceEnd), articleText,
  });
  return {
    id: String(p.id),
    content: String(p.content),
    quote: texts.quote,
    direct: p.direct === true,
    cue: String(p.cue),
    cueLemma: String(p.cueLemma),
    cueClass: p.cueClass as StatementNode['cueClass'],
    saidAt: str(p.saidAt),
    saidAtPrecision: p.saidAtPrecision as StatementNode['saidAtPrecision'],
    timeText: str(p.timeText),
    sentence: String(texts.sentence),
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
