import { describe, expect, test } from 'vitest';
import { errorLines } from '../utils/cli.js';

/**
 * errorLines: the check the CLI and crash tests make on a child's stderr.
 * It must see every kind of error output our code produces and must not
 * fail a run over a warning that Node itself prints.
 */
describe('errorLines', () => {
  test.each([
    { name: 'nothing', stderr: '', expected: [] },
    { name: 'an ExperimentalWarning', stderr: '(node:4242) ExperimentalWarning: Type Stripping is an experimental feature\n(Use `node --trace-warnings ...` to show where the warning was created)\n', expected: [] },
    { name: 'a coded DeprecationWarning naming an Error', stderr: '(node:7) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Error-prone.\n', expected: [] },
    { name: 'a progress line', stderr: 'wrote 7 tables to out\n', expected: [] },
    { name: 'the CLI error line', stderr: 'claimgraph: the store file is damaged\n', expected: ['claimgraph: the store file is damaged'] },
    { name: 'a per-item error line', stderr: 'error: a.txt: could not read\n', expected: ['error: a.txt: could not read'] },
    { name: 'an uncaught error with its stack', stderr: 'TypeError: x is not a function\n    at main (server/cli/index.ts:3:1)\n', expected: ['TypeError: x is not a function', '    at main (server/cli/index.ts:3:1)'] },
    { name: 'an error code', stderr: 'STORE_CORRUPT opening the store\n', expected: ['STORE_CORRUPT opening the store'] },
    { name: 'a warning followed by our error', stderr: '(node:1) Warning: x\nclaimgraph: boom\n', expected: ['claimgraph: boom'] },
  ])('when stderr holds $name, then it reports $expected', ({ stderr, expected }) => {
    expect(errorLines(stderr)).toEqual(expected);
  });
});
