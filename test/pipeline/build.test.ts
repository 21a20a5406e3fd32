import { describe, expect, test } from 'vitest';
import { buildArticleGraph } from '../../server/pipeline/build.js';
import type { Extraction, Statement } from '../../server/extract/schema.js';
import type { IngestedArticle } from '../../server/ingest/types.js';

describe('buildArticleGraph', () => {
  test('when built twice from the same input, then every id is the same', () => {
    const a = buildArticleGraph(article(), extraction());
    const b = buildArticleGraph(article(), extraction());
    expect(b).toEqual(a);
    expect(a.statements[0]!.id).toMatch(/^stm_[0-9a-f]{16}$/);
    expect(a.source!.id).toMatch(/^src_[0-9a-f]{16}$/);
  });

  test('when two statements share one content span, then one statement is kept', () => {
    const ex = extraction();
    ex.statements.push({ ...ex.statements[0]!, cue: { ...ex.statements[0]!.cue, lemma: 'add' } });
    expect(buildArticleGraph(article(), ex).statements).toHaveLength(1);
  });

  test('when a statement is built, then its offsets slice the article text to its content and sentence', () => {
    const g = buildArticleGraph(article(), extraction());
    const s = g.statements[0]!;
    expect(TEXT.slice(s.start, s.end)).toBe('We will win');
    expect(s.sentence).toBe(TEXT.slice(s.sentenceStart, s.sentenceEnd));
    expect(s.sentence).toBe('"We will win," Defence Minister Anna Berg said on Monday.');
  });

  test('when speaker, about and via name actors, then each becomes one actor node linked by id, with aliases but not the canonical name', () => {
    const g = buildArticleGraph(article(), extraction());
    const byName = new Map(g.actors.map((x) => [x.name, x]));
    const berg = byName.get('Anna Berg')!;
    expect(berg.aliases).toEqual(['Berg']);
    expect(berg.roles).toEqual(['Defence Minister']);
    const s = g.statements[0]!;
    expect(s.speakerId).toBe(berg.id);
    expect(s.aboutIds).toEqual([byName.get('Ruritania')!.id]);
    expect(s.viaId).toBe(byName.get('Daily Bugle')!.id);
    expect(g.mentions.sort()).toEqual(g.actors.map((x) => x.id).sort());
  });

  test('when the same name is a person and an organisation, then they are two actors', () => {
    const ex = extraction();
    ex.statements[0]!.about.push({ name: 'Anna Berg', kind: 'organization' });
    const g = buildArticleGraph(article(), ex);
    expect(g.actors.filter((x) => x.name === 'Anna Berg')).toHaveLength(2);
  });

  test('when the article has a URL, then the source gets its domain without www', () => {
    expect(buildArticleGraph({ ...article(), url: 'https://www.example.org/a/1' }, extraction()).source!.domain).toBe('example.org');
  });
});

const TEXT = 'Intro line.\n"We will win," Defence Minister Anna Berg said on Monday.';

function article(): IngestedArticle {
  return {
    id: 'art_0123456789abcdef',
    title: 'A title',
    source: 'Example Times',
    url: null,
    publishedAt: '2025-08-20T00:00:00.000Z',
    publishedAtPrecision: 'day',
    retrievedAt: '2025-08-21T12:00:00.000Z',
    language: 'eng',
    contentHash: 'f'.repeat(64),
    text: TEXT,
    origin: 'test',
    originSpan: null,
  };
}

function extraction(): Extraction {
  const sentenceStart = TEXT.indexOf('"We');
  const contentStart = TEXT.indexOf('We will');
  const statement: Statement = {
    speaker: { name: 'Anna Berg', kind: 'person', mention: 'Defence Minister Anna Berg', span: [TEXT.indexOf('Defence'), TEXT.indexOf(' said')] },
    cue: { text: 'said', lemma: 'say', class: 'say', span: [TEXT.indexOf('said'), TEXT.indexOf('said') + 4] },
    content: { text: 'We will win', span: [contentStart, contentStart + 'We will win'.length] },
    direct: true,
    about: [{ name: 'Ruritania', kind: 'country' }],
    addressee: null,
    via: { name: 'Daily Bugle', kind: 'media' },
    saidAt: { value: '2025-08-18', precision: 'day', text: 'on Monday' },
    sentence: { span: [sentenceStart, TEXT.length] },
    confidence: 0.9,
  };
  return {
    statements: [statement],
    actors: [{ name: 'Anna Berg', kind: 'person', aliases: ['Anna Berg', 'Berg'], roles: ['Defence Minister'] }],
  };
}
