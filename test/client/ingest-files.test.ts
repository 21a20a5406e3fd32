import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { recordsOfFiles } from '../../client/views/ingest-files.js';
import { browserSuite } from './harness.js';

/** The Add page's files: what each kind of file becomes before it is sent (records and per-line errors). */
describe('recordsOfFiles', () => {
  test.each([
    {
      name: 'JSON lines: one record per line, a bad line reported by its number, blank lines skipped',
      files: [{ name: 'feed.jsonl', text: '{"title":"A","text":"Alpha said yes."}\n\nnot json\n{"html":"<p>Beta</p>","source":"Gazette"}\n' }],
      records: [
        { origin: 'feed.jsonl line 1', record: { title: 'A', text: 'Alpha said yes.' } },
        { origin: 'feed.jsonl line 4', record: { html: '<p>Beta</p>', source: 'Gazette' } },
      ],
      errors: ['feed.jsonl line 3'],
    },
    {
      name: 'JSON: an array of records, one without text or html reported',
      files: [{ name: 'two.json', text: '[{"text":"One."},{"title":"no body"}]' }],
      records: [{ origin: 'two.json item 1', record: { text: 'One.' } }],
      errors: ['two.json item 2'],
    },
    {
      name: 'plain text and HTML files, an empty file reported',
      files: [
        { name: 'note.txt', text: 'Title\n\nBody text.' },
        { name: 'page.HTML', text: '<html><body>Hi</body></html>' },
        { name: 'empty.txt', text: '  \n' },
      ],
      records: [
        { origin: 'note.txt', record: { text: 'Title\n\nBody text.' } },
        { origin: 'page.HTML', record: { html: '<html><body>Hi</body></html>' } },
      ],
      errors: ['empty.txt'],
    },
    {
      name: 'record fields that are not strings are dropped, not sent',
      files: [{ name: 'x.jsonl', text: '{"text":"Body.","publishedAt":20250101,"url":"https://example.org/a"}' }],
      records: [{ origin: 'x.jsonl line 1', record: { text: 'Body.', url: 'https://example.org/a' } }],
      errors: [],
    },
  ])('$name', ({ files, records, errors }) => {
    const batch = recordsOfFiles(files);
    expect(batch.records).toEqual(records);
    expect(batch.errors.map((e) => e.origin)).toEqual(errors);
  });
});

describe('Add page: several files at once (real server, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;
  const stats = async () => ((await (await fetch(`${b.ui.server.url}/api/stats`)).json()) as { articles: number }).articles;

  test('when a JSON-lines file and a text file are saved, then every readable article is stored and the bad line is named', async () => {
    page = await b.fresh();
    await b.open('#/ingest');
    const before = await stats();
    await page.locator('#ingest-source').fill('Valley Courier');
    await page.locator('#ingest-files').setInputFiles([
      {
        name: 'batch.jsonl',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(
          '{"title":"Dam repairs approved","text":"Dam repairs approved\\n\\n\\"The work starts in May,\\" engineer Pia Lund said on Monday.","publishedAt":"2026-02-02"}\n' +
            'this line is not JSON\n' +
            '{"title":"Ferry fares rise","text":"Ferry fares rise\\n\\nThe operator said fares would rise by five percent.","publishedAt":"2026-02-03"}\n',
        ),
      },
      { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('School roof fixed\n\n"It is finally dry," head teacher Omar Reyes said on Friday.') },
    ]);
    await page.locator('#ingest-files-save').click();
    await page.waitForSelector('#ingest-files-result');
    expect(await page.locator('#ingest-files-result').textContent()).toContain('Saved 2 files: 3 new, 0 already in the graph, 1 failed.');
    expect(await page.locator('.ingest-files-messages .error').textContent()).toContain('batch.jsonl line 2');
    expect(await stats()).toBe(before + 3);
    // The form's source applied where the records named none.
    const list = (await (await fetch(`${b.ui.server.url}/api/articles?q=Ferry`)).json()) as { items: { source: string | null }[] };
    expect(list.items[0]?.source).toBe('Valley Courier');
  });
});
