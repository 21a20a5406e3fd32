import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeCall, READS_WHILE_WRITING, WritePriority, type Call } from '../../server/graph/host/calls.js';
import { openStore, serialWrite, withWritePriority, WRITE } from '../../server/graph/index.js';

/**
 * The hosted store's write-priority queue (issue 19): while a write unit's
 * calls are going, background reads beyond READS_WHILE_WRITING wait; unit
 * calls never wait; every held read is sent in the end.
 */
const APP_READ = 'MATCH (a:Article {id: $id}) RETURN count(a) AS n';

describe('WritePriority', () => {
  test('holds background reads past the bound while a unit call is in flight, never a unit call, and sends the held ones as room comes', async () => {
    const sent: number[] = [];
    const priority = new WritePriority((call) => sent.push(call.id));
    const unitCall = { ...makeCall(1, 'run', [WRITE.articleExists, {}], 'app', true), unit: true };
    const reads = Array.from({ length: 5 }, (_, i) => makeCall(10 + i, 'run', [APP_READ, {}], 'app', true));
    priority.submit(unitCall);
    for (const r of reads) priority.submit(r);
    // The unit's call went, and only READS_WHILE_WRITING (one) of the five reads.
    expect(READS_WHILE_WRITING).toBe(1);
    expect(sent).toEqual([1, 10]);
    // A second unit call goes at once, past the held reads.
    const unitCall2 = { ...makeCall(2, 'run', [WRITE.articleExists, {}], 'app', true), unit: true };
    priority.submit(unitCall2);
    expect(sent.at(-1)).toBe(2);
    // A read finishing makes room for one held read, in arrival order.
    const settle = (c: Call) => {
      c.settled = true;
      priority.settled(c);
    };
    settle(reads[0]!);
    expect(sent.at(-1)).toBe(11);
    // Once the unit's calls are done and the grace has passed, every held read goes.
    settle(unitCall);
    settle(unitCall2);
    await expect.poll(() => sent.length, { timeout: 5_000 }).toBe(7);
    expect(sent.slice().sort((a, b) => a - b)).toEqual([1, 2, 10, 11, 12, 13, 14]);
  });

  test('an ingest\'s reads before its unit (withWritePriority) are marked as a unit\'s, across awaits; the same read outside is not', async () => {
    const inside = await withWritePriority(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return makeCall(1, 'run', [APP_READ, {}], 'app', true);
    });
    expect(inside.unit).toBe(true);
    expect(makeCall(2, 'run', [APP_READ, {}], 'app', true).unit).toBe(false);
    // So a held queue of background reads does not hold it.
    const sent: number[] = [];
    const priority = new WritePriority((call) => sent.push(call.id));
    priority.submit({ ...makeCall(3, 'writeArticle', [{}], 'app', true), unit: true });
    for (let i = 0; i < 4; i++) priority.submit(makeCall(10 + i, 'run', [APP_READ, {}], 'app', true));
    priority.submit({ ...inside, id: 4 });
    expect(sent).toEqual([3, 10, 4]);
  });

  test('a user query and a write are not background reads: neither is held', () => {
    const sent: number[] = [];
    const priority = new WritePriority((call) => sent.push(call.id));
    priority.submit({ ...makeCall(1, 'writeArticle', [{}], 'app', true), unit: true });
    // The one background read the bound lets through, then a second that waits; the user query and the write do not.
    priority.submit(makeCall(2, 'run', [APP_READ, {}], 'app', true));
    priority.submit(makeCall(3, 'run', [APP_READ, {}], 'app', true));
    priority.submit(makeCall(4, 'readOnly', [APP_READ, {}, {}], 'user', false));
    priority.submit(makeCall(5, 'run', ['MERGE (a:Article {id: $id}) RETURN a.id AS id', {}], 'app', false));
    expect(sent).toEqual([1, 2, 4, 5]);
  });
});

describe('a hosted store with the write-priority queue', () => {
  test('answers every one of many concurrent reads made while a write unit runs, and the unit completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-priority-'));
    const store = await openStore({ backend: 'embedded', path: join(dir, 'store.grafeo'), hosted: true, standby: false, log: () => undefined });
    try {
      const id = 'article-priority-1';
      const unit = serialWrite(store, async () => {
        await store.run(WRITE.upsertArticle, { articles: [{ id, props: { id, title: 'A test article', text: 'Some text.' } }] });
        return (await store.run(WRITE.articleExists, { id }))[0]?.n;
      });
      const reads = Array.from({ length: 30 }, () => store.run(WRITE.articleExists, { id }));
      const [written, ...answers] = await Promise.all([unit, ...reads]);
      expect(Number(written)).toBe(1);
      expect(answers).toHaveLength(30);
      for (const rows of answers) expect(Array.isArray(rows)).toBe(true);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
