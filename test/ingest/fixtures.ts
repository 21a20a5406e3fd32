import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file under test/fixtures/ingest/. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));

/** Text of a file under test/fixtures/ingest/. */
export const readFixture = (name: string): Promise<string> => readFile(fixturePath(name), 'utf8');

/** The error a call throws; fails the test when it does not throw. */
export function thrown(fn: () => unknown): { code: string; message: string; details: { path?: string; message: string }[] } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; details: { path?: string; message: string }[] };
  }
  throw new Error('expected the call to throw');
}
