/**
 * Dates given on the command line are real calendar dates (issue 14,
 * defect 11): the real CLI refuses an impossible --published-at or
 * --retrieved-at with exit code 2 naming the flag, and stores nothing;
 * a real date, year 0000 included, is kept as written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, SEED_PAGE, tempDir } from '../utils/cli.js';

let data: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  data = await tempDir('claimgraph-cli-dates-');
});
afterAll(async () => {
  await data?.cleanup();
});

describe('date flags', () => {
  test.each([
    { command: 'ingest', flag: '--retrieved-at', value: '2025-02-30', path: 'flags.retrievedAt' },
    { command: 'ingest', flag: '--published-at', value: '2024-04-31', path: 'flags.publishedAt' },
    { command: 'ingest', flag: '--published-at', value: '2025-06-15T24:00:00Z', path: 'flags.publishedAt' },
    { command: 'extract', flag: '--published-at', value: '2025-13-01', path: 'flags.publishedAt' },
    { command: 'extract', flag: '--retrieved-at', value: '2025-02-29', path: 'flags.retrievedAt' },
  ])('when $command gets $flag $value, then it exits 2 naming $path', async ({ command, flag, value, path }) => {
    const dir = join(data.dir, `${command}${flag}${value}`.replace(/\W+/g, '-'));
    const out = await runCli([command, SEED_PAGE, flag, value, ...(command === 'ingest' ? ['--data', dir] : [])]);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toContain(path);
    expect(out.stderr).toContain('expected a real calendar date');
    expect(existsSync(join(dir, 'claimgraph.grafeo'))).toBe(false);
  });

  test('when extract gets --published-at 0000-01-01 on undated text, then the article is dated year 0000 (not 1900)', async () => {
    const out = await runCli(['extract', '-', '--published-at', '0000-01-01', '--json'], { stdin: '"The talks are over," Minister Anna Berg said.' });
    expect(out.code, out.stderr).toBe(0);
    expect((JSON.parse(out.stdout) as { articles: Array<{ publishedAt: string }> }).articles.map((a) => a.publishedAt)).toEqual(['0000-01-01T00:00:00.000Z']);
  });
});
