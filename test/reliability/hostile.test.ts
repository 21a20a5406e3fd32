/**
 * Hostile input (issue 9): random and adversarial text through the extractor,
 * HTML through the ingest reader, and bodies through POST /api/articles.
 * Nothing throws (the strict extractor, which lets a rule's crash through),
 * every span lies inside the text and slices to its field's text, and the
 * API always answers JSON of the documented shape, never a 500. No duration
 * is asserted: a hang is caught by each test's timeout (a deadline guard),
 * and speed is measured by `npm run bench`. Property runs are seeded (set
 * FC_SEED to replay another); fast-check prints the seed and path of a failure.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IngestResponseSchema } from '../../server/api/schemas.js';
import { AppError } from '../../server/errors.js';
import { ExtractionSchema, extractStrict, type Extraction } from '../../server/extract/index.js';
import { ingestHtml } from '../../server/ingest/index.js';
import { isErrorBody, startApi, type TestApi } from '../api/helpers.js';

/** One seed for every property here, printed by fast-check on failure. */
const SEED = Number(process.env.FC_SEED ?? 20251205);

/** A statement the extractor finds on its own; hostile text after it must not make it disappear. */
const SENTINEL = '"We will win the vote," Defence Minister Anna Berg said on Monday.';

const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '`', '″'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b[31m', '\u007f', '\u0085', '\r', '\r\n', '\t', '\f', '\u2028', '\u2029', '\n\n'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u2066', '\u2067', '\u2069', '\ufeff', '\u00ad', '\u0301'];
const RTL_EMOJI = ['قال الرئيس', 'مرحبا', 'אמר', 'שלום', '😀', '👩‍👩‍👧‍👦', '🇺🇦', '🏳️‍🌈', '𝕏', 'ﷺ', 'e\u0301', '\ud800', '\udfff', '\ufffd'];
const NEWS = [
  'said', 'says', 'told reporters', 'according to', 'accused', 'of', 'warned that', 'added:', 'denied', 'He', 'She', 'They', 'the French president',
  'Anna Berg', 'Maria Zakharova', 'Moscow', 'the Kremlin', 'on Monday', 'last week', 'earlier this month', 'yesterday', '2024-03-05', 'Mr.', 'Dr.', 'U.S.',
];
const PUNCT = ['.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '—', '–', '-', '...', '…', ' ', '  '];

/** Text built from the pieces that trip quote and cue rules, mixed with arbitrary strings (lone surrogates included). */
const hostileText = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...QUOTES) },
        { weight: 3, arbitrary: fc.constantFrom(...NEWS) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTROL, ...INVISIBLE) },
        { weight: 1, arbitrary: fc.constantFrom(...RTL_EMOJI) },
        { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      ),
      fc.constantFrom(' ', '', '\n'),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

/** Checks the extraction contract on `text`: schema, every span inside the text and slicing to its field. */
function expectSpansHold(text: string, ex: Extraction): void {
  expect(ExtractionSchema.safeParse(ex).success).toBe(true);
  const inside = ([s, e]: [number, number], what: string) => {
    expect(s, `${what} start`).toBeGreaterThanOrEqual(0);
    expect(e, `${what} end`).toBeGreaterThanOrEqual(s);
    expect(e, `${what} end`).toBeLessThanOrEqual(text.length);
  };
  for (const st of ex.statements) {
    inside(st.content.span, 'content');
    expect(text.slice(...st.content.span)).toBe(st.content.text);
    inside(st.cue.span, 'cue');
    expect(text.slice(...st.cue.span)).toBe(st.cue.text);
    inside(st.sentence.span, 'sentence');
    if (st.speaker) {
      inside(st.speaker.span, 'speaker');
      expect(text.slice(...st.speaker.span)).toBe(st.speaker.mention);
    }
    for (const f of st.content.fragments ?? []) inside(f, 'fragment');
  }
}

/** Runs the strict extractor (extract() would turn a rule's crash into an empty result). */
function strictExtract(text: string): Extraction {
  return extractStrict(text, { publishedAt: '2025-03-05' });
}

// Only the statement itself: names later in the hostile part may legitimately re-resolve its speaker
// ("Anna Berg Anna Berg" is taken as Anna Berg's fuller name, as "Emmanuel Macron" is Macron's).
const hasSentinel = (ex: Extraction) => ex.statements.some((s) => s.content.span[0] === 1 && s.content.text.startsWith('We will win the vote') && s.speaker !== null);

describe('extract on hostile text', () => {
  test('when the text is random hostile pieces, then it returns a valid extraction whose spans slice the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expectSpansHold(text, strictExtract(text));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  test('when hostile text follows a plain statement, then the statement is still found (no rule failed on the hostile part)', () => {
    // The strict extractor throws on a rule's crash; losing the sentinel is how a rule that silently gave up shows.
    fc.assert(
      fc.property(hostileText, (junk) => {
        const text = `${SENTINEL}\n\n${junk}`;
        const ex = strictExtract(text);
        expectSpansHold(text, ex);
        expect(hasSentinel(ex)).toBe(true);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  test('when a hostile line is repeated into a very long line, then it returns valid spans', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 50, max: 400 }), (piece, times) => {
        const text = `${SENTINEL} ${piece.replace(/\n/g, ' ').repeat(times)}`;
        const ex = strictExtract(text);
        expectSpansHold(text, ex);
      }),
      { numRuns: 15, seed: SEED },
    );
  });

  test.each([
    { name: '1 MB of straight double quotes', text: '"'.repeat(1 << 20) },
    { name: '256 KB of curly quote pairs', text: '“”'.repeat(1 << 17) },
    { name: '256 KB of single quotes and apostrophes', text: "'’".repeat(1 << 17) },
    { name: 'an unbalanced opening quote before 300 KB of prose', text: `"${'He said the talks would go on. '.repeat(10_000)}` },
    { name: 'a 200 KB line without a full stop', text: 'Anna Berg said that the talks will go on and '.repeat(4500) },
    { name: '5,000 short quotes with a cue each', text: '"x," he said. '.repeat(5000) },
    { name: 'right-to-left text with an override character', text: '\u202eقال الرئيس "نحن سننتصر" يوم الاثنين '.repeat(5000) },
    { name: 'emoji and ZWJ sequences inside quotes', text: '👩‍👩‍👧‍👦🇺🇦 "we 😀 win," 🙂 Anna Berg said. '.repeat(5000) },
    { name: 'control characters', text: Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(i % 32)).join('') },
    { name: 'lone surrogates around quotes', text: '\ud800"a\udc00," he said \ud800'.repeat(10_000) },
    { name: '1 MB of newlines', text: '\n'.repeat(1 << 20) },
    { name: 'deeply nested brackets and quotes', text: `${'("[«'.repeat(20_000)}x${'»]")'.repeat(20_000)}` },
  ])('when the text is $name, then it returns, spans hold, and a statement before it is kept', ({ text: hostile }) => {
    const text = `${SENTINEL}\n\n${hostile}`;
    const ex = strictExtract(text);
    expectSpansHold(text, ex);
    expect(hasSentinel(ex)).toBe(true);
  }, 120_000);
});

describe('ingestHtml on hostile HTML', () => {
  const P = '<p>"We will win the vote in parliament this week," Defence Minister Anna Berg said on Monday in the capital.</p>';
  const meta = { origin: 'hostile.html', retrievedAt: '2025-03-05T00:00:00Z' };

  /** Runs ingestHtml: articles, or an AppError (never another error type). */
  const readHtml = (html: string) => {
    let result: { articles: ReturnType<typeof ingestHtml> } | { error: unknown };
    try {
      result = { articles: ingestHtml(html, meta) };
    } catch (error) {
      result = { error };
    }
    if ('error' in result) expect(result.error).toBeInstanceOf(AppError);
    return result;
  };

  test.each([
    { name: '120 nested divs', html: `<html><body>${'<div>'.repeat(120)}${P}${'</div>'.repeat(120)}</body></html>`, read: true },
    { name: '60 nested divs around each of 100 paragraphs', html: `<html><body>${`${'<div>'.repeat(60)}${P}${'</div>'.repeat(60)}`.repeat(100)}</body></html>`, read: true },
    { name: '100 nested lists with a paragraph at each level', html: `<html><body>${`<ul><li>${P}`.repeat(100)}</body></html>`, read: true },
    { name: '200 nested divs', html: `<html><body>${'<div>'.repeat(200)}${P}${'</div>'.repeat(200)}</body></html>`, read: false },
    { name: '100,000 unclosed nested divs', html: `<html><body>${'<div><span>'.repeat(100_000)}${P}`, read: false },
    { name: 'stray end tags that do not close the divs', html: `<html><body>${'<div></span>'.repeat(20_000)}${P}`, read: false },
    { name: 'self-closing divs (which HTML opens)', html: `<html><body>${'<div/>'.repeat(20_000)}${P}`, read: false },
    { name: '5,000 nested tables', html: `${'<table><tr><td>'.repeat(5000)}${P}`, read: false },
    { name: '20,000 nested inline tags', html: `<html><body>${'<b><i>'.repeat(20_000)}${P}</body></html>`, read: false },
    { name: 'an unclosed comment', html: `<html><body>${P}<!-- never closed ${'x'.repeat(100_000)}`, read: true },
    { name: 'a script of 100 KB of quotes', html: `<html><body><script>${'"'.repeat(100_000)}</script>${P}</body></html>`, read: true },
    { name: 'a 500 KB attribute', html: `<html><body><p title="${'a'.repeat(500_000)}">${P}</p></body></html>`, read: true },
    { name: 'an SVG of 5,000 self-closed paths', html: `<html><body><svg>${'<path d="M0 0"/>'.repeat(5000)}</svg>${P}</body></html>`, read: true },
  ])('when the page has $name, then it is read or refused as UNSUPPORTED_INPUT', ({ html, read }) => {
    const result = readHtml(html);
    if (read) {
      expect('articles' in result && result.articles[0]!.text).toContain('We will win the vote in parliament');
    } else {
      expect('error' in result && result.error).toMatchObject({ code: 'UNSUPPORTED_INPUT' });
    }
  }, 120_000);

  test('when the HTML is random tags, quotes and text, then it is read or refused with an AppError', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<span>', '</span>', '<b>', '</i>', '<br/>', '<div/>', '<table><tr><td>', '<!--', '-->', '<script>', '</script>', '<', '>', '</', '&amp;', '&#0;', '&#x202e;', '<![CDATA[', ']]>'),
      hostileText,
      fc.constant(P),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        readHtml(parts.join(''));
      }),
      { numRuns: 150, seed: SEED },
    );
  });
});

describe('POST /api/articles with hostile bodies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, config: { maxInputBytes: 256 * 1024 } });
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The answer is JSON: an IngestResponse whose spans slice each article's text, or the error shape; never a 5xx. */
  const expectDocumented = (res: { status: number; body: unknown; text: string; headers: Headers }) => {
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.text)).not.toThrow();
    if (res.status >= 400) {
      expect(isErrorBody(res.body), res.text.slice(0, 300)).toBe(true);
      return;
    }
    const parsed = IngestResponseSchema.safeParse(res.body);
    expect(parsed.success, res.text.slice(0, 300)).toBe(true);
    for (const a of parsed.data!.articles) {
      for (const s of a.statements) expect(a.text.slice(s.start!, s.end!)).toBe(s.content);
    }
  };

  // Keys named "url" are left out: a body with only a URL makes the server fetch it.
  const noUrl = fc.string({ maxLength: 8 }).filter((k) => k !== 'url');
  const field = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 40 }), fc.constant(''), fc.anything({ key: noUrl, maxDepth: 2 }));

  test('when the body is random JSON or hostile field values, then every answer is documented JSON and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ text: field, title: field, source: field, publishedAt: field, preview: fc.boolean() }, { requiredKeys: ['text'] }),
          fc.record({ html: field, preview: fc.boolean() }),
          fc.record({ records: fc.array(fc.record({ text: field, title: field, html: field }, { requiredKeys: [] }), { maxLength: 4 }) }),
          fc.anything({ key: noUrl, maxDepth: 3 }),
        ),
        fc.boolean(),
        async (body, dryRun) => {
          expectDocumented(await api.post(`/api/articles${dryRun ? '?dryRun=true' : ''}`, body));
        },
      ),
      { numRuns: 120, seed: SEED },
    );
  }, 120_000);

  test.each([
    { name: 'truncated JSON', body: '{"text": "He said', type: 'application/json' },
    { name: 'a JSON string', body: '"He said yes"', type: 'application/json' },
    { name: 'JSON with a NUL in the text', body: JSON.stringify({ text: 'He said \u0000 "yes".' }), type: 'application/json' },
    { name: 'a 1 MB string of quotes, over the size limit', body: JSON.stringify({ text: '"'.repeat(1 << 20) }), type: 'application/json' },
    { name: '200 KB of quotes under the limit', body: JSON.stringify({ text: `${SENTINEL} ${'"'.repeat(200_000)}`, preview: true }), type: 'application/json' },
    { name: 'deeply nested JSON', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, type: 'application/json' },
    { name: 'deeply nested HTML', body: JSON.stringify({ html: `${'<div>'.repeat(20_000)}<p>"Yes," he said.</p>` }), type: 'application/json' },
    { name: 'a __proto__ key', body: '{"__proto__": {"polluted": true}, "text": "Anna Berg said \\"yes\\"."}', type: 'application/json' },
    { name: 'invalid UTF-8 bytes', body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), type: 'application/json' },
    { name: 'a declared UTF-16 charset', body: JSON.stringify({ text: 'He said "yes".' }), type: 'application/json; charset=utf-16' },
    { name: 'text/plain', body: 'He said "yes".', type: 'text/plain' },
  ])('when the body is $name, then the answer is documented JSON and never a 5xx', async ({ body, type }) => {
    const res = await api.request('/api/articles', { method: 'POST', headers: { 'content-type': type }, body });
    expectDocumented(res);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
