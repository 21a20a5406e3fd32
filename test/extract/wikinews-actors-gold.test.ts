/**
 * Integrity of the Wikinews actor gold (test/fixtures/wikinews/ACTORS.md):
 * the committed gold is exactly what the annotation source builds to, every
 * span is the text it claims, every mention names an entity of its article,
 * and one eid means one entity in every article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildGold,
  occurrences,
  readArticles,
  readGold,
  validateGold,
  WIKINEWS_DIR,
  type GoldArticle,
} from '../../scripts/wikinews-actors-gold.js';

const articles = readArticles();
const gold = readGold();

describe('Wikinews actor gold', () => {
  test('41 articles, every 6th line of the bundled corpus, each with gold in article order', () => {
    expect(articles).toHaveLength(41);
    expect(gold.map((g) => g.id)).toEqual(articles.map((a) => a.id));
  });

  test('the committed gold is a fresh build of actors.src.txt', () => {
    const src = readFileSync(join(WIKINEWS_DIR, 'actors.src.txt'), 'utf8');
    const built = buildGold(articles, src).map((g) => JSON.stringify(g) + '\n').join('');
    expect(readFileSync(join(WIKINEWS_DIR, 'actors.gold.jsonl'), 'utf8')).toBe(built);
  });

  test('spans, ranges and entity references are sound', () => {
    expect(validateGold(articles, gold)).toEqual([]);
  });

  test('every article has actors; kinds cover person, organisation, country and group', () => {
    for (const g of gold) expect(g.mentions.length, g.id).toBeGreaterThan(0);
    const kinds = new Set(gold.flatMap((g) => g.entities.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(['country', 'group', 'organisation', 'person']);
  });

  test('identities hand-checked in the source: the same person across articles, article-scoped groups', () => {
    const mentionsOf = (id: string, eid: string): string[] =>
      gold.find((g) => g.id === id)!.mentions.filter((m) => m.eid === eid).map((m) => m.text);
    // "Saree" is the article's second spelling of Yahya Sarea.
    expect(mentionsOf('wn-8a4f3602c8', 'yahya-sarea')).toEqual(['Yahya Sarea', 'Saree']);
    // "Chriac" is a typo of Chirac in the article.
    expect(mentionsOf('wn-b0b3b4f408', 'jacques-chirac')).toContain('Chriac');
    // Melania Trump is not Donald Trump; "Trump" alone is Donald.
    expect(mentionsOf('wn-935f319a60', 'melania-trump')).toEqual(['Melania Trump']);
    expect(mentionsOf('wn-935f319a60', 'donald-trump')).not.toContain('Melania Trump');
    // Hunter Biden's mentions never carry Joe Biden's eid.
    expect(mentionsOf('wn-df9c26638c', 'hunter-biden').every((t) => t.startsWith('Hunter'))).toBe(true);
    // Officials are a group of their own article.
    const officials = gold.flatMap((g) => g.entities.filter((e) => e.name === 'officials').map((e) => e.eid));
    expect(new Set(officials).size).toBe(officials.length);
    expect(officials.every((e) => e.includes('/'))).toBe(true);
  });

  test('a malformed gold line is reported, not accepted', () => {
    const first = gold[0]!;
    const broken: GoldArticle = {
      ...first,
      mentions: [{ span: [0, 5], text: 'Nancy', eid: 'nobody' }, { span: [0, 12], text: 'Nancy Pelosi', eid: 'nancy-pelosi' }],
    };
    expect(validateGold(articles, [broken])).toEqual([
      'wn-b815ca1248: mention "Nancy" of unknown entity nobody',
      'wn-b815ca1248: entity us-congress has no mention',
      'wn-b815ca1248: entity us-house has no mention',
      'wn-b815ca1248: entity us-democratic-party has no mention',
      'wn-b815ca1248: entity us-republican-party has no mention',
      'wn-b815ca1248: entity kevin-mccarthy has no mention',
      'wn-b815ca1248: entity tim-gunn has no mention',
      'wn-b815ca1248: entity mickey-hart has no mention',
      'wn-b815ca1248: entity grateful-dead has no mention',
      'wn-b815ca1248: entity donald-trump has no mention',
      'wn-b815ca1248: entity us-senate has no mention',
      'wn-b815ca1248: entity us-government has no mention',
      'wn-b815ca1248: entity mexico has no mention',
      'wn-b815ca1248: mention of nancy-pelosi "Nancy Pelosi" at 0 overlaps the previous span',
    ]);
  });
});

describe('annotation source rules', () => {
  const art = { id: 'wn-0', title: 't', publishedAt: '2020-01-01', source: 's', url: 'u', text: 'Joe Biden met Biden. Bidens? US$5 and the US.' };

  test('occurrences are word-bounded', () => {
    expect(occurrences(art.text, 'Biden')).toEqual([4, 14]);
    // 'US$5' counts: the rule is about words; the source excludes it with #n.
    expect(occurrences(art.text, 'US')).toEqual([29, 42]);
  });

  test('longest first, #n counts free occurrences, ~ scopes an eid to its article', () => {
    const src = '== wn-0\njoe-biden p Joe Biden = Joe Biden | Biden#1\nunited-states c United States = US#2\n~men g men = Bidens\n';
    const [g] = buildGold([art], src);
    expect(g!.mentions).toEqual([
      { span: [0, 9], text: 'Joe Biden', eid: 'joe-biden' },
      { span: [14, 19], text: 'Biden', eid: 'joe-biden' },
      { span: [21, 27], text: 'Bidens', eid: 'wn-0/men' },
      { span: [42, 44], text: 'US', eid: 'united-states' },
    ]);
  });

  test('an occurrence index that does not exist is an error', () => {
    expect(() => buildGold([art], '== wn-0\njoe-biden p Joe Biden = Biden#3\n')).toThrow(/only 2 free occurrence/);
  });

  test('an eid redefined with another kind is an error', () => {
    expect(() => buildGold([art], '== wn-0\nx p X = Biden\nx o X = US\n')).toThrow(/was defined as person/);
  });
});
