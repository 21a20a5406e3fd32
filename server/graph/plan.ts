import { forbidden } from '../errors.js';

/**
 * The embedded engine's own reading of a user query: Grafeo plans
 * `EXPLAIN <query>` with the same parser that would run it, so checking
 * the plan needs no lexer, ours or Neo4j's, to agree with the engine's.
 * Every operator of the plan must be on an allow-list of reading operators
 * (an operator Grafeo adds later is refused until someone decides it
 * reads), procedure calls must be on the procedure allow-list, and a plan
 * marked as running "after the write" is refused. Operators of subqueries
 * inside expressions (`EXISTS { ... }`) are printed inline as `NameOp`:
 * they are checked the same way.
 */

/** Operators of read plans, as Grafeo 0.6 prints them. */
export const READING_OPERATORS = new Set([
  'Return', 'NodeScan', 'Filter', 'Expand', 'LeftJoin', 'Project', 'Aggregate', 'Unwind', 'Empty', 'ShortestPath', 'Apply',
  'Discriminant', 'Union', 'Distinct', 'CallProcedure', 'Limit', 'Skip', 'Sort',
]);

/** Throws FORBIDDEN naming the first operator of `plan` that is not a reading one; returns otherwise. */
export function assertPlanReadsOnly(plan: string, allowedProcedures: ReadonlySet<string>): void {
  if (plan.trim() === '') throw forbidden('the engine gave no plan for the query, so it cannot be shown to be read-only');
  // String literals of the query appear quoted in the plan: what they say is not an operator.
  const code = plan.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)*'/g, "''");
  if (/\[after the write\]/i.test(code)) throw forbidden('the engine plans a write for this query; read-only queries may not write');
  for (const line of code.split('\n')) {
    const m = /^\s*([A-Za-z_]+)/.exec(line);
    if (!m) continue;
    const operator = m[1]!;
    if (!READING_OPERATORS.has(operator)) throw refusal(operator);
    if (operator === 'CallProcedure') {
      const name = /^\s*CallProcedure\s*\(([^)\s]*)\)/.exec(line)?.[1] ?? '';
      if (!allowedProcedures.has(name.toLowerCase())) throw forbidden(`read-only queries may not call the procedure "${name}"`);
    }
  }
  for (const m of code.matchAll(/\b([A-Z][A-Za-z]*)Op\b/g)) {
    if (!READING_OPERATORS.has(m[1]!)) throw refusal(m[1]!);
  }
}

function refusal(operator: string): ReturnType<typeof forbidden> {
  return forbidden(
    `the engine plans this query with the operator ${operator}, which is not one of the reading operators the console runs ` +
      `(${[...READING_OPERATORS].join(', ')})`,
  );
}
