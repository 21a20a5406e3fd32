import neo4j from 'neo4j-driver';
import { appDateTime, ENGINE_DATETIME } from './times.js';
import type { Row } from './types.js';

/**
 * Values leave the graph component as plain JSON-friendly JS, the same shapes
 * from both backends:
 * - integers: `number` when safe, else a decimal string (never a driver Integer or bigint);
 * - temporal values: ISO-8601 strings, dates and datetimes in the app's form
 *   (`2019-02-05`, `2019-02-05T10:00:00.000Z`: the one place stored times become
 *   the strings the app handles, server/graph/times.ts), other temporal types
 *   as the driver's own `toString`;
 * - nodes: `{_id, _labels, ...properties}`; relationships: `{_id, _source, _target, _type, ...properties}`;
 *   paths: `{nodes, edges}`. `_id`, `_source`, `_target` are opaque strings
 *   (Neo4j element ids; Grafeo's numeric ids as strings), valid only within one store;
 * - points: `{srid, x, y}` (+ `z`); byte arrays and vectors: arrays of numbers.
 */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/** Maps any value the Neo4j driver returns to a PlainValue. */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return bigintToPlain(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isDateTime(value)) return neo4jDateTime(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    const p: { [key: string]: PlainValue } = { srid: toPlain(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) p.z = value.z;
    return p;
  }
  if (neo4j.isNode(value)) {
    return { ...plainMap(value.properties), _id: value.elementId, _labels: [...value.labels] };
  }
  if (neo4j.isRelationship(value)) {
    return {
      ...plainMap(value.properties),
      _id: value.elementId,
      _source: value.startNodeElementId,
      _target: value.endNodeElementId,
      _type: value.type,
    };
  }
  if (neo4j.isUnboundRelationship(value)) {
    return { ...plainMap(value.properties), _id: value.elementId, _type: value.type };
  }
  if (neo4j.isPath(value)) {
    return {
      nodes: [toPlain(value.start), ...value.segments.map((s) => toPlain(s.end))],
      edges: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  return commonToPlain(value, toPlain);
}

/**
 * Maps a value Grafeo returns to a PlainValue. Grafeo already returns nodes,
 * relationships and paths as objects of the shapes above; what differs is
 * ids (numbers: made strings), bigint, Date, Buffer and Float32Array.
 */
export function grafeoToPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  // Grafeo gives a datetime back as a string without zero milliseconds (`2019-02-05T00:00:00Z`).
  if (typeof value === 'string') {
    // The cheap test first: most strings are no datetime.
    return value.length >= 20 && value.charCodeAt(10) === 84 && ENGINE_DATETIME.test(value) ? appDateTime(value) : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return bigintToPlain(value);
  if (isPlainObject(value) && isGraphEntity(value)) {
    const out = plainMap(value, grafeoToPlain);
    for (const key of ['_id', '_source', '_target'] as const) {
      if (typeof value[key] === 'number' || typeof value[key] === 'bigint') out[key] = String(value[key]);
    }
    return out;
  }
  return commonToPlain(value, grafeoToPlain);
}

/** Maps every value of a row. */
export function rowToPlain(row: Record<string, unknown>, map: (v: unknown) => PlainValue): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = map(v);
  return out;
}

/**
 * Query parameters for the Neo4j driver. The driver sends every JS number as
 * a float, and Neo4j refuses floats where it needs integers (LIMIT, SKIP,
 * list indexes) and would store offsets as floats: safe integers become
 * driver Integers, so both backends store and compare the same types.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (isPlainObject(value)) {
    // Temporal parameters, in Grafeo's tagged form (server/graph/times.ts): the driver's Date and DateTime.
    if (typeof value.$date === 'string' && Object.keys(value).length === 1) {
      const [y, m, d] = value.$date.split('-').map(Number) as [number, number, number];
      return new neo4j.types.Date(y, m, d);
    }
    if (typeof value.$zoned_datetime === 'string' && Object.keys(value).length === 1) {
      const t = new Date(value.$zoned_datetime);
      return new neo4j.types.DateTime(
        t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(),
        t.getUTCMilliseconds() * 1_000_000, 0,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}

/** A Neo4j DateTime as the app's string (its instant, UTC, milliseconds); one with only a zone name as the driver prints it. */
function neo4jDateTime(value: InstanceType<typeof neo4j.types.DateTime>): string {
  if (value.timeZoneOffsetSeconds === undefined || value.timeZoneOffsetSeconds === null) return value.toString();
  const ms = Date.UTC(
    neo4j.integer.toNumber(value.year), neo4j.integer.toNumber(value.month) - 1, neo4j.integer.toNumber(value.day),
    neo4j.integer.toNumber(value.hour), neo4j.integer.toNumber(value.minute), neo4j.integer.toNumber(value.second),
  ) - neo4j.integer.toNumber(value.timeZoneOffsetSeconds) * 1000 + Math.floor(neo4j.integer.toNumber(value.nanosecond) / 1_000_000);
  return new Date(ms).toISOString();
}

function bigintToPlain(value: bigint): PlainValue {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** What both backends share: JS Dates, typed arrays, lists, maps. */
function commonToPlain(value: unknown, map: (v: unknown) => PlainValue): PlainValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (x) => (typeof x === 'bigint' ? bigintToPlain(x) : x));
  }
  if (Array.isArray(value)) return value.map(map);
  if (typeof value === 'object') return plainMap(value as Record<string, unknown>, map);
  // Functions and symbols never come out of a database; refuse silently rather than leak them.
  return null;
}

function plainMap(obj: Record<string, unknown>, map: (v: unknown) => PlainValue = toPlain): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  for (const [k, v] of Object.entries(obj)) out[k] = map(v);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isGraphEntity(value: Record<string, unknown>): boolean {
  return '_id' in value && ('_labels' in value || '_type' in value);
}
