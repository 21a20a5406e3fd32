import { describe, expect, test } from 'vitest';
import { loadConfig } from '../server/config.js';

/**
 * loadConfig: the environment parsed once at start. Defaults when a variable
 * is unset or empty, each variable's own value when valid, and BAD_INPUT
 * naming the variable when not (the server and the CLI fail fast on it).
 */
describe('loadConfig', () => {
  test('when nothing is set, then the documented defaults apply', () => {
    expect(loadConfig({})).toEqual({
      dataDir: './data',
      host: '127.0.0.1',
      port: 3000,
      token: undefined,
      maxInputBytes: 10 * 1024 * 1024,
      fetchTimeoutMs: 15_000,
      fetchAllowPrivate: false,
      queryTimeoutMs: 10_000,
      queryMaxBytes: 16 * 1024 * 1024,
      queryMaxMemoryBytes: 1024 * 1024 * 1024,
      walSalvage: false,
      neo4j: undefined,
    });
  });

  test('when a variable is set to the empty string, then it counts as unset', () => {
    expect(loadConfig({ CLAIMGRAPH_PORT: '', CLAIMGRAPH_TOKEN: '', NEO4J_URI: '' })).toMatchObject({ port: 3000, token: undefined, neo4j: undefined });
  });

  test.each([
    { name: 'the data directory', env: { CLAIMGRAPH_DATA: '/srv/claims' }, expected: { dataDir: '/srv/claims' } },
    { name: 'port 0 (any free port)', env: { CLAIMGRAPH_PORT: '0' }, expected: { port: 0 } },
    { name: 'the highest port', env: { CLAIMGRAPH_PORT: '65535' }, expected: { port: 65535 } },
    { name: 'a token of 8 characters', env: { CLAIMGRAPH_TOKEN: '12345678' }, expected: { token: '12345678' } },
    { name: 'the time limits', env: { CLAIMGRAPH_FETCH_TIMEOUT_MS: '250', CLAIMGRAPH_QUERY_TIMEOUT_MS: '1' }, expected: { fetchTimeoutMs: 250, queryTimeoutMs: 1 } },
    { name: 'WAL salvage on', env: { CLAIMGRAPH_WAL_SALVAGE: '1' }, expected: { walSalvage: true } },
    { name: 'no extraction threads', env: { CLAIMGRAPH_EXTRACT_WORKERS: '0' }, expected: { extractWorkers: 0 } },
    { name: 'three extraction threads', env: { CLAIMGRAPH_EXTRACT_WORKERS: '3' }, expected: { extractWorkers: 3 } },
    { name: 'private fetch addresses allowed', env: { CLAIMGRAPH_FETCH_ALLOW_PRIVATE: '1' }, expected: { fetchAllowPrivate: true } },
    { name: 'the console query bounds', env: { CLAIMGRAPH_QUERY_MAX_BYTES: '1000', CLAIMGRAPH_QUERY_MAX_MEMORY_MB: '2' }, expected: { queryMaxBytes: 1000, queryMaxMemoryBytes: 2 * 1024 * 1024 } },
    {
      name: 'Neo4j with a user, password and database',
      env: { NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'news' },
      expected: { neo4j: { uri: 'neo4j+s://db.example:7687', user: 'reader', password: 'pw', database: 'news' } },
    },
    { name: 'Neo4j with the default user and no password', env: { NEO4J_URI: 'bolt://localhost:7687' }, expected: { neo4j: { uri: 'bolt://localhost:7687', user: 'neo4j', password: '', database: undefined } } },
  ])('when $name is set, then it is used', ({ env, expected }) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  test.each([
    { name: 'a port that is not a number', env: { CLAIMGRAPH_PORT: 'http' }, variable: 'CLAIMGRAPH_PORT' },
    { name: 'a port above 65535', env: { CLAIMGRAPH_PORT: '70000' }, variable: 'CLAIMGRAPH_PORT' },
    { name: 'a negative port', env: { CLAIMGRAPH_PORT: '-1' }, variable: 'CLAIMGRAPH_PORT' },
    { name: 'a fractional port', env: { CLAIMGRAPH_PORT: '80.5' }, variable: 'CLAIMGRAPH_PORT' },
    { name: 'a token shorter than 8 characters', env: { CLAIMGRAPH_TOKEN: 'short' }, variable: 'CLAIMGRAPH_TOKEN' },
    { name: 'an input limit of 0', env: { CLAIMGRAPH_MAX_INPUT_BYTES: '0' }, variable: 'CLAIMGRAPH_MAX_INPUT_BYTES' },
    { name: 'a fetch time limit in words', env: { CLAIMGRAPH_FETCH_TIMEOUT_MS: 'ten seconds' }, variable: 'CLAIMGRAPH_FETCH_TIMEOUT_MS' },
    { name: 'a negative query time limit', env: { CLAIMGRAPH_QUERY_TIMEOUT_MS: '-5' }, variable: 'CLAIMGRAPH_QUERY_TIMEOUT_MS' },
    { name: 'WAL salvage set to yes', env: { CLAIMGRAPH_WAL_SALVAGE: 'yes' }, variable: 'CLAIMGRAPH_WAL_SALVAGE' },
    { name: 'a negative number of extraction threads', env: { CLAIMGRAPH_EXTRACT_WORKERS: '-1' }, variable: 'CLAIMGRAPH_EXTRACT_WORKERS' },
    { name: 'private fetch set to true', env: { CLAIMGRAPH_FETCH_ALLOW_PRIVATE: 'true' }, variable: 'CLAIMGRAPH_FETCH_ALLOW_PRIVATE' },
    { name: 'an answer bound of 0 bytes', env: { CLAIMGRAPH_QUERY_MAX_BYTES: '0' }, variable: 'CLAIMGRAPH_QUERY_MAX_BYTES' },
    { name: 'a memory bound in words', env: { CLAIMGRAPH_QUERY_MAX_MEMORY_MB: 'a lot' }, variable: 'CLAIMGRAPH_QUERY_MAX_MEMORY_MB' },
    { name: 'an http Neo4j URI', env: { NEO4J_URI: 'http://localhost:7474' }, variable: 'NEO4J_URI' },
  ])('when the environment has $name, then BAD_INPUT naming $variable', ({ env, variable }) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(variable) });
    expect((error as { details: Array<{ path: string }> }).details.map((d) => d.path)).toEqual([`environment.${variable}`]);
  });

  test('when two variables are bad, then the details name both and the message says there is more', () => {
    let error: unknown;
    try {
      loadConfig({ CLAIMGRAPH_PORT: 'x', CLAIMGRAPH_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/CLAIMGRAPH_PORT.*\(and 1 more\)/) });
    expect((error as { details: Array<{ path: string }> }).details.map((d) => d.path).sort()).toEqual(['environment.CLAIMGRAPH_PORT', 'environment.CLAIMGRAPH_TOKEN']);
  });
});
