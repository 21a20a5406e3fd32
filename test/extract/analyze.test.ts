import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, extract, extractEvents } from '../../server/extract/index.js';
import { ROOT } from '../utils/cli.js';

/**
 * analyze() parses an article once for both extractors (server/extract/parse.ts):
 * its statements and events must be exactly what the two extractors give
 * when each parses the text on its own.
 */
const PUBLISHED = '2025-08-21T12:00:00Z';

describe('analyze(): one parse for statements and events', () => {
  test.each(['seed-page.txt', 'wire-story.txt', 'long-quotes.txt'])('on %s it equals extract() and extractEvents()', (name) => {
    const text = readFileSync(join(ROOT, 'test/fixtures', name), 'utf8');
    const both = analyze(text, { publishedAt: PUBLISHED });
    expect(both.extraction).toEqual(extract(text, { publishedAt: PUBLISHED }));
    expect(both.events).toEqual(extractEvents(text, { publishedAt: PUBLISHED }));
    expect(both.extraction.statements.length).toBeGreaterThan(0);
  });

  test('a failure inside the rules gives no statements and no events instead of throwing', () => {
    const hostile = { toString: (): string => { throw new Error('boom'); } } as unknown as string;
    expect(analyze(hostile)).toEqual({ extraction: { statements: [], actors: [] }, events: [] });
  });
});
