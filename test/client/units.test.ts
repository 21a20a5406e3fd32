import { describe, expect, test } from 'vitest';
import { href, parseHash } from '../../client/router.js';
import { tokenize } from '../../client/views/cypher-editor.js';
import { formatWhen, timeRange } from '../../client/views/dom.js';

describe('router', () => {
  test.each([
    { name: 'empty hash is the timeline', hash: '', view: 'timeline', id: null, q: '' },
    { name: 'view only', hash: '#/console', view: 'console', id: null, q: '' },
    { name: 'view, id and params', hash: '#/article/art_1?s=stm_2', view: 'article', id: 'art_1', q: 's=stm_2' },
    { name: 'encoded id', hash: '#/actor/act%2Fx', view: 'actor', id: 'act/x', q: '' },
  ])('parseHash: $name', ({ hash, view, id, q }) => {
    const r = parseHash(hash);
    expect(r.view).toBe(view);
    expect(r.id).toBe(id);
    expect(r.params.toString()).toBe(q);
  });

  test('href round-trips through parseHash and drops empty parameters', () => {
    const h = href('console', null, { q: 'MATCH (a:Article) RETURN a.title', empty: '', none: null });
    const r = parseHash(h);
    expect(r.view).toBe('console');
    expect(r.params.get('q')).toBe('MATCH (a:Article) RETURN a.title');
    expect([...r.params.keys()]).toEqual(['q']);
    expect(parseHash(href('actor', 'act/ü x')).id).toBe('act/ü x');
  });
});

describe('cypher tokenize', () => {
  const kinds = (q: string) => tokenize(q).filter((t) => t.kind !== 'ws').map((t) => `${t.kind}:${t.text}`);

  test('keywords, labels, properties, strings, numbers, parameters and functions are told apart', () => {
    expect(kinds("MATCH (a:Article) WHERE a.title CONTAINS 'x' AND size(a.text) > 10 RETURN $p")).toEqual([
      'kw:MATCH', 'punct:(', 'var:a', 'punct::', 'label:Article', 'punct:)', 'kw:WHERE', 'var:a', 'punct:.', 'prop:title',
      'kw:CONTAINS', "str:'x'", 'kw:AND', 'fn:size', 'punct:(', 'var:a', 'punct:.', 'prop:text', 'punct:)', 'punct:>', 'num:10',
      'kw:RETURN', 'param:$p',
    ]);
  });

  test('the tokens always concatenate back to the source, even when a string or comment is unterminated', () => {
    for (const q of ["MATCH (n) // comment\nRETURN n", "RETURN 'unterminated", 'RETURN /* open', 'MATCH (`odd label`) RETURN 1.5']) {
      expect(tokenize(q).map((t) => t.text).join('')).toBe(q);
    }
  });
});

describe('imprecise dates', () => {
  test.each([
    { name: 'a day is a point', iso: '2025-08-18', p: 'day', range: ['2025-08-18', '2025-08-18'], text: '2025-08-18' },
    { name: 'a week spans seven days', iso: '2025-08-18', p: 'week', range: ['2025-08-18', '2025-08-25'], text: 'week of 2025-08-18' },
    { name: 'a month spans to the next 1st', iso: '2025-08-01', p: 'month', range: ['2025-08-01', '2025-09-01'], text: 'August 2025' },
    { name: 'a year spans to the next 1 January', iso: '2025-01-01', p: 'year', range: ['2025-01-01', '2026-01-01'], text: '2025' },
  ])('$name', ({ iso, p, range, text }) => {
    const r = timeRange(iso, p)!;
    expect(r.map((d) => d.toISOString().slice(0, 10))).toEqual(range);
    expect(formatWhen(iso, p)).toBe(text);
  });

  test('no date is no range', () => {
    expect(timeRange(null, 'day')).toBeNull();
    expect(formatWhen(null)).toBe('undated');
  });
});
