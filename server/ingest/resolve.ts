import { badInput } from '../errors.js';
import { parseIsoDate, type ResolvedDate } from './dates.js';

/**
 * A caller-given date (record field, option, meta) must be strict ISO-8601:
 * it is data someone typed for us, and guessing at it would hide their mistake.
 * Throws BAD_INPUT "origin: field: expected an ISO-8601 date, found '...'".
 */
export function requireIsoDate(origin: string, field: string, value: string): ResolvedDate {
  const parsed = parseIsoDate(value);
  if (!parsed) {
    throw badInput(`${origin}: ${field}: expected an ISO-8601 date, found '${value}'`, [
      { path: field, message: `expected an ISO-8601 date such as 2025-08-21 or 2025-08-21T12:00:00Z, found '${value}'` },
    ]);
  }
  return parsed;
}

/** The retrieval time as a Date and ISO string: the given one when set, else now. */
export function retrievalTime(origin: string, given: string | undefined, fallback: Date = new Date()): { date: Date; iso: string } {
  if (given === undefined) return { date: fallback, iso: fallback.toISOString() };
  const parsed = requireIsoDate(origin, 'retrievedAt', given);
  return { date: new Date(parsed.value), iso: parsed.value };
}
