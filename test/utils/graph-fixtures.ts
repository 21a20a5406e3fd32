import type { ActorNode, ArticleGraph, StatementNode } from '../../server/graph/types.js';
import { actorId, sourceId, statementId, stableId } from '../../server/ids.js';

/** An actor node with a stable id derived the way the pipeline derives it. */
export function actor(name: string, kind: ActorNode['kind'] = 'person', extra: Partial<ActorNode> = {}): ActorNode {
  return { id: actorId(kind, name), name, kind, aliases: [], roles: [], ...extra };
}

/** A statement of `articleId` at [start, end); every optional field filled so read-back checks every property. */
export function statement(articleId: string, start: number, end: number, extra: Partial<StatementNode> = {}): StatementNode {
  const content = extra.content ?? `content ${start}-${end}`;
  return {
    id: statementId(articleId, start, end),
    content,
    quote: content,
    direct: true,
    cue: 'said',
    cueLemma: 'say',
    cueClass: 'say',
    saidAt: '2024-03-04',
    saidAtPrecision: 'day',
    timeText: 'on Monday',
    sentence: `"${content}," he said.`,
    sentenceStart: start - 1,
    sentenceEnd: end + 10,
    start,
    end,
    confidence: 0.85,
    speakerId: null,
    speakerMention: 'he',
    aboutIds: [],
    addresseeId: null,
    viaId: null,
    ...extra,
  };
}

/**
 * A realistic article: a source, four actors (a speaker, a target, an
 * addressee, a media outlet it was reported via) and two statements using all
 * four relationship kinds.
 */
export function richArticle(key = 'a'): ArticleGraph {
  const articleId = stableId('art', `rich ${key}`);
  const zakharova = actor('Maria Zakharova', 'person', { aliases: ['Zakharova'], roles: ['spokeswoman'] });
  const macron = actor('Emmanuel Macron', 'person', { aliases: ['Macron', 'the French president'], roles: ['president'] });
  const nato = actor('NATO', 'organization');
  const corriere = actor('Corriere della Sera', 'media');
  return {
    source: { id: sourceId('Russia Today'), name: 'Russia Today', domain: 'rt.com' },
    article: {
      id: articleId,
      url: `https://rt.com/news/${key}`,
      title: `Zakharova responds to Macron (${key})`,
      publishedAt: '2024-03-05T08:00:00.000Z',
      publishedAtPrecision: 'minute',
      retrievedAt: '2024-03-06T10:00:00.000Z',
      contentHash: stableId('sha', key),
      language: 'en',
      text: `Article text ${key}. "It is over," Zakharova said on Monday.`,
    },
    actors: [zakharova, macron, nato, corriere],
    statements: [
      statement(articleId, 10, 30, {
        content: 'It is over',
        speakerId: zakharova.id,
        aboutIds: [macron.id, nato.id],
        addresseeId: macron.id,
        viaId: corriere.id,
        saidAt: '2024-03-04',
      }),
      statement(articleId, 40, 70, {
        content: 'Paris should think twice',
        quote: null,
        direct: false,
        speakerId: zakharova.id,
        aboutIds: [macron.id],
        saidAt: '2024-03-05',
        timeText: null,
      }),
    ],
    mentions: [zakharova.id, macron.id, nato.id, corriere.id],
  };
}

/**
 * A small article (one speaker, one target, `statements` statements) for
 * volume tests; distinct per `i`. Speakers and targets come from a pool of
 * `actorPool` actors, outlets from a pool of `outlets`: small pools make
 * high-degree nodes, where a MERGE that walks edges shows its cost.
 */
export function smallArticle(i: number, statements = 3, actorPool = 50, outlets = 10): ArticleGraph {
  const articleId = stableId('art', `small ${i}`);
  const speaker = actor(`Speaker ${i % actorPool}`);
  const target = actor(`Target ${(i * 7) % actorPool}`, 'country');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    source: { id: sourceId(`Outlet ${i % outlets}`), name: `Outlet ${i % outlets}`, domain: `outlet${i % outlets}.example` },
    article: {
      id: articleId,
      url: `https://outlet${i % outlets}.example/${i}`,
      title: `Article ${i}`,
      publishedAt: `2024-02-${day}T12:00:00.000Z`,
      publishedAtPrecision: 'minute',
      retrievedAt: '2024-03-01T00:00:00.000Z',
      contentHash: stableId('sha', String(i)),
      language: 'en',
      text: `Text of article ${i}.`.padEnd(400, ' lorem'),
    },
    actors: [speaker, target],
    statements: Array.from({ length: statements }, (_, k) =>
      statement(articleId, 10 + k * 40, 40 + k * 40, { speakerId: speaker.id, aboutIds: [target.id], saidAt: `2024-02-${day}` }),
    ),
    mentions: [speaker.id, target.id],
  };
}
