import { describe, expect, test } from 'vitest';
import { readQueryRecord } from '../utils/query-record.js';

/**
 * How the record of executed queries is read (test/utils/query-record.ts): who
 * made each text decides which list it joins, and a text a store process ran
 * for an unknown sender counts as the app's, so that doubt fails the check
 * that app texts are declared instead of passing it.
 */
const line = (q: string, o: string) => JSON.stringify({ q, o });

describe('reading the record of executed queries', () => {
  test.each([
    { name: 'server code in a test worker', lines: [line('A', 'app')], app: ['A'], user: [], tests: [], executed: ['A'] },
    { name: 'the console door', lines: [line('U', 'user'), line('EXPLAIN U', 'user')], app: [], user: ['U', 'EXPLAIN U'], tests: [], executed: ['U', 'EXPLAIN U'] },
    { name: 'a test file', lines: [line('T', 'test')], app: [], user: [], tests: ['T'], executed: ['T'] },
    { name: 'a store process, sent by the app', lines: [line('H', 'hosted'), line('H', 'sent:app')], app: ['H'], user: [], tests: [], executed: ['H'] },
    { name: 'a store process, sent by a test', lines: [line('H', 'hosted'), line('H', 'sent:test')], app: [], user: [], tests: ['H'], executed: ['H'] },
    { name: 'a store process, sent by both', lines: [line('H', 'sent:test'), line('H', 'hosted'), line('H', 'sent:app')], app: ['H'], user: [], tests: ['H'], executed: ['H'] },
    { name: 'a store process, sender unknown (a resend)', lines: [line('H', 'hosted'), line('H', 'sent:unknown')], app: ['H'], user: [], tests: [], executed: ['H'] },
    { name: 'a store process, no sender recorded', lines: [line('H', 'hosted')], app: ['H'], user: [], tests: [], executed: ['H'] },
    { name: 'an import script\'s statement', lines: [line('I', 'script')], app: [], user: [], tests: [], executed: ['I'], script: ['I'] },
    { name: 'a store process, sent by an import script', lines: [line('I', 'hosted'), line('I', 'sent:script')], app: [], user: [], tests: [], executed: ['I'], script: ['I'] },
    { name: 'sent but never run (the process died first)', lines: [line('S', 'sent:app')], app: [], user: [], tests: [], executed: [] },
  ])('$name', ({ lines, app, user, tests, executed, script = [] }) => {
    // Split over two files, as two processes write them.
    const record = readQueryRecord([lines.slice(0, 1).join('\n'), `${lines.slice(1).join('\n')}\n`]);
    expect([...record.app].sort()).toEqual([...app].sort());
    expect([...record.user].sort()).toEqual([...user].sort());
    expect([...record.test].sort()).toEqual([...tests].sort());
    expect([...record.executed].sort()).toEqual([...executed].sort());
    expect([...record.script].sort()).toEqual([...script].sort());
  });

  test('a line in another shape (an older record) is refused, naming it', () => {
    expect(() => readQueryRecord([JSON.stringify('MATCH (n) RETURN n')])).toThrow(/expected a record line .* found "MATCH/);
  });
});
