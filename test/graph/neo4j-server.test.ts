import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../server/errors.js';
import { assertServerVersion, formatPlan, NEO4J_MIN_VERSION } from '../../server/graph/neo4j.js';

/**
 * What the Neo4j store decides from the server's own answers, checked with
 * the driver's real types (no server runs here): the version refusal at
 * connect, read from the ServerInfo the driver builds from the server's
 * HELLO metadata (`{version: 'Neo4j/5.22.0'}`), and the plan text of
 * EXPLAIN/PROFILE from the driver's Plan and ProfiledPlan.
 */
const { ServerInfo, Plan, ProfiledPlan } = neo4j as unknown as {
  ServerInfo: new (meta: { version?: string; address?: string }, protocol?: number) => import('neo4j-driver').ServerInfo;
  Plan: new (meta: unknown) => import('neo4j-driver').Plan;
  ProfiledPlan: new (meta: unknown) => import('neo4j-driver').ProfiledPlan;
};

describe('the Neo4j version check at connect', () => {
  test('needs 5.23 (CALL (x) { ... })', () => {
    expect(NEO4J_MIN_VERSION).toEqual({ major: 5, minor: 23 });
  });

  test.each([
    { agent: 'Neo4j/5.22.0', refused: true },
    { agent: 'Neo4j/5.9.0', refused: true },
    { agent: 'Neo4j/4.4.30', refused: true },
    { agent: 'Neo4j/5.23.0', refused: false },
    { agent: 'Neo4j/5.26.2', refused: false },
    { agent: 'Neo4j/2025.01.0', refused: false },
    { agent: 'Neo4j/5.27-aura', refused: false },
  ])('$agent refused: $refused', ({ agent, refused }) => {
    const server = new ServerInfo({ version: agent, address: 'db.example:7687' }, 5.4);
    expect(server.agent).toBe(agent);
    const check = () => assertServerVersion(server, 'bolt://db.example:7687');
    if (!refused) {
      expect(check).not.toThrow();
      return;
    }
    let error: unknown;
    try {
      check();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORE_UNAVAILABLE');
    expect((error as AppError).message).toContain(agent);
    expect((error as AppError).message).toMatch(/needs Neo4j 5\.23 or newer/);
  });

  test('an agent without a version is let through (the check refuses only what it knows is too old)', () => {
    expect(() => assertServerVersion(new ServerInfo({ address: 'x:7687' }, 5.4), 'bolt://x:7687')).not.toThrow();
  });
});

describe('plan text from the driver types', () => {
  test('EXPLAIN: one operator a line, children indented', () => {
    const plan = new Plan({
      operatorType: 'ProduceResults@neo4j',
      identifiers: ['n'],
      args: { Details: 'n' },
      children: [{ operatorType: 'NodeByLabelScan@neo4j', identifiers: ['a'], args: { Details: 'a:Article' }, children: [] }],
    });
    expect(formatPlan(plan)).toBe('ProduceResults n (n)\n  NodeByLabelScan a:Article (a)\n');
  });

  test('PROFILE: rows and db hits on each line', () => {
    const profile = new ProfiledPlan({
      operatorType: 'EagerAggregation@neo4j',
      identifiers: ['n'],
      args: {},
      dbHits: neo4j.int(0),
      rows: neo4j.int(1),
      children: [{ operatorType: 'NodeByLabelScan@neo4j', identifiers: ['a'], args: {}, dbHits: neo4j.int(10), rows: neo4j.int(9), children: [] }],
    });
    expect(formatPlan(profile)).toBe('EagerAggregation (n)  rows=1 dbHits=0\n  NodeByLabelScan (a)  rows=9 dbHits=10\n');
  });

  test('no plan, no text', () => {
    expect(formatPlan(false)).toBe('');
  });
});
