/**
 * Times are stored as native temporal values on both backends (schema
 * version 7, docs/cypher.md "Times"), so `date(s.saidAt)`, `s.saidAt.month`,
 * temporal comparisons and duration arithmetic work as a Neo4j user writes
 * them. The app keeps handling times as ISO strings; the conversion happens
 * in two places only:
 * - in: `storeTimes` maps the parameters of the app's queries (the
 *   GraphStore's `run` and write transactions), by parameter name
 *   (TIME_KEYS), to temporal parameters in Grafeo's tagged form
 *   (`{$date: '2019-02-05'}`, `{$zoned_datetime: '2019-02-05T10:00:00.000Z'}`),
 *   which the Neo4j store turns into the driver's Date and DateTime
 *   (values.ts toNeo4jParams). No query text changes for it;
 * - out: values.ts gives every temporal value back as the app's string
 *   (`2019-02-05` for a date, `2019-02-05T10:00:00.000Z` for a datetime).
 * Kinds: `saidAt` keeps the kind of its value (a resolved time is a date,
 * `2019-02-05`; one taken from the article, precision `article`, is the
 * article's timestamp), so what comes out is what went in; every other time
 * is a datetime (the app writes timestamps there), and a date given where
 * a datetime is stored as its midnight UTC. A coarser value (`2024-03`,
 * `2024`), which the extractor never writes but a hand-made import may
 * hold, stays a string (as a date it would come back as its first day).
 * A statement's `time` and `timeDay` (the app's window keys) stay strings:
 * docs/cypher.md says why.
 */

export type TimeKind = 'date' | 'datetime' | 'value';

/**
 * Parameter keys (at any depth: `$rows` entries, `props` maps) that hold a
 * stored time, and their kind. Keys listed here hold nothing else in any
 * query of server/graph/queries (test/graph/times.test.ts).
 */
export const TIME_KEYS: Readonly<Record<string, TimeKind>> = {
  publishedAt: 'datetime',
  retrievedAt: 'datetime',
  saidAt: 'value',
  firstSeen: 'datetime',
  lastSeen: 'datetime',
  // Event.firstSeen is written from `seen` (queries/events.ts upsertEvents).
  seen: 'datetime',
  // MergeDecision.at and undoneAt.
  at: 'datetime',
  undoneAt: 'datetime',
};

/** A temporal parameter in Grafeo's tagged form. */
export type TimeParam = { $date: string } | { $zoned_datetime: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COARSE = /^(\d{4})(?:-(\d{2}))?$/;

/** The stored form of one time string of `kind`; the string itself when it is no time (left as it is). */
export function timeParam(value: string, kind: TimeKind): TimeParam | string {
  // A coarse value stays a string: as a date it would come back as its first day, and an export would lose the month.
  if (COARSE.test(value)) return value;
  const day = DATE.test(value) ? value : null;
  if (kind === 'date' || (kind === 'value' && day !== null)) {
    const d = day ?? isoDay(value);
    return d === null ? value : { $date: d };
  }
  const ms = Date.parse(day !== null ? `${day}T00:00:00.000Z` : value);
  return Number.isNaN(ms) ? value : { $zoned_datetime: new Date(ms).toISOString() };
}

function isoDay(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** The app's query parameters with every time under a TIME_KEYS key in its stored form. */
export function storeTimes(params: Record<string, unknown>): Record<string, unknown> {
  return convert(params, null) as Record<string, unknown>;
}

/**
 * `value` with its times converted; a list or map in which nothing changes is given back as it is, not copied (a
 * batch's parameters are thousands of rows, most without a time, and were copied whole on every query).
 */
function convert(value: unknown, kind: TimeKind | null): unknown {
  if (typeof value === 'string') return kind ? timeParam(value, kind) : value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = convert(v, kind);
      if (out === null && c !== v) out = value.slice(0, i);
      if (out !== null) out.push(c);
    }
    return out ?? value;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    if ('$date' in value || '$zoned_datetime' in value) return value;
    const keys = Object.keys(value);
    let out: Record<string, unknown> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = (value as Record<string, unknown>)[k];
      const c = convert(v, TIME_KEYS[k] ?? null);
      if (out === null && c !== v) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = (value as Record<string, unknown>)[keys[j]!];
      }
      if (out !== null) out[k] = c;
    }
    return out ?? value;
  }
  return value;
}

/** A window bound as an instant (`2024-03` -> its first moment), for `s.time >= $from` and the like; null stays null. */
export function instant(bound: string | null | undefined): TimeParam | null {
  if (!bound) return null;
  const p = timeParam(bound, 'datetime');
  return typeof p === 'string' ? null : p;
}

/** Window bounds for queries comparing a stored time (`s.time`, `a.publishedAt`) with `$from`/`$to`. */
export function instantBounds(f: { from?: string | null; to?: string | null }): { from: TimeParam | null; to: TimeParam | null } {
  return { from: instant(f.from), to: instant(f.to) };
}

/** The app's string of a datetime the engine gives back (`2019-02-05T10:00:00Z` -> `2019-02-05T10:00:00.000Z`). */
export function appDateTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** A string as Grafeo gives back a datetime (UTC, with or without a fraction). */
export const ENGINE_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** A map literal's entry value for a cypher script: a stored time as `date('...')`/`datetime('...')`, else null (written as it is). */
export function temporalLiteral(key: string, value: unknown): string | null {
  const kind = TIME_KEYS[key];
  if (!kind || typeof value !== 'string') return null;
  const p = timeParam(value, kind);
  if (typeof p === 'string') return null;
  return '$date' in p ? `date('${p.$date}')` : `datetime('${p.$zoned_datetime}')`;
}
