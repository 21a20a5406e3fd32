import type { Extraction, ActorRef } from '../extract/index.js';
import type { IngestedArticle } from '../ingest/index.js';
import type { ActorNode, ArticleGraph, StatementNode } from '../graph/index.js';
import { sourceId, statementId } from '../ids.js';
import { graphActorId } from '../actors/index.js';

/** Turns one ingested article and its extraction into the store's write unit with stable ids. */
export function buildArticleGraph(article: IngestedArticle, extraction: Extraction): ArticleGraph {
  const actors = new Map<string, ActorNode>();
  // A mention of kind `other` (a report, a poll, a place, a fragment) is not an actor: no Actor node; a
  // statement keeps its words in speakerMention (issue 16).
  const idOf = (ref: ActorRef): string | null => {
    if (ref.kind === 'other') return null;
    // generic actors ("Police", "officials", "a reporter in Kenya") are scoped to their article (actors/identity.ts)
    const id = graphActorId(ref.kind, ref.name, article.id);
    if (!actors.has(id)) actors.set(id, { id, name: ref.name, kind: ref.kind, aliases: [], roles: [] });
    return id;
  };
  for (const a of extraction.actors) {
    const id = idOf(a);
    if (id === null) continue;
    const node = actors.get(id)!;
    node.aliases = unique([...node.aliases, ...a.aliases.filter((x) => x !== a.name)]);
    node.roles = unique([...node.roles, ...a.roles]);
  }

  const statements: StatementNode[] = [];
  const seen = new Set<string>();
  for (const s of extraction.statements) {
    const [start, end] = s.content.span;
    const id = statementId(article.id, start, end);
    // Two cues over the same content span are one statement: keep the first (highest in the text).
    if (seen.has(id)) continue;
    seen.add(id);
    const [sentenceStart, sentenceEnd] = s.sentence.span;
    statements.push({
      id,
      content: s.content.text,
      quote: s.direct ? s.content.text : null,
      direct: s.direct,
      cue: s.cue.text,
      cueLemma: s.cue.lemma,
      cueClass: s.cue.class,
      saidAt: s.saidAt.value,
      saidAtPrecision: s.saidAt.precision,
      timeText: s.saidAt.text,
      sentence: article.text.slice(sentenceStart, sentenceEnd),
      sentenceStart,
      sentenceEnd,
      start,
      end,
      confidence: s.confidence,
      speakerId: s.speaker ? idOf(s.speaker) : null,
      speakerMention: s.speaker?.mention ?? null,
      aboutIds: unique(s.about.map(idOf).filter((x): x is string => x !== null)),
      addresseeId: s.addressee ? idOf(s.addressee) : null,
      viaId: s.via ? idOf(s.via) : null,
    });
  }

  return {
    source: article.source ? { id: sourceId(article.source), name: article.source, domain: domainOf(article.url) } : null,
    article: {
      id: article.id,
      url: article.url,
      title: article.title,
      publishedAt: article.publishedAt,
      publishedAtPrecision: article.publishedAtPrecision,
      retrievedAt: article.retrievedAt,
      contentHash: article.contentHash,
      language: article.language,
      text: article.text,
    },
    actors: [...actors.values()],
    statements,
    mentions: [...actors.keys()],
  };
}

/** The article a stored or exported graph was built from: what the derived steps need (text, dates, language). */
export function articleOfGraph(graph: ArticleGraph): IngestedArticle {
  const a = graph.article;
  return {
    id: a.id,
    title: a.title,
    source: graph.source?.name ?? null,
    url: a.url,
    publishedAt: a.publishedAt,
    publishedAtPrecision: a.publishedAtPrecision,
    retrievedAt: a.retrievedAt,
    language: a.language,
    contentHash: a.contentHash,
    text: a.text,
    origin: `store:${a.id}`,
    originSpan: null,
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
