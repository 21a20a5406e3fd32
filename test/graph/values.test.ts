import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { grafeoToPlain, toNeo4jParams, toPlain } from '../../server/graph/values.js';

const { Node, Relationship, UnboundRelationship, Path, PathSegment, Point, Date: NeoDate, DateTime, LocalDateTime, Time, LocalTime, Duration } = neo4j.types;

describe('times in and out (server/graph/times.ts)', () => {
  test.each([
    { name: 'a tagged date becomes the driver\'s Date', param: { $date: '2019-02-05' }, check: (v: unknown) => neo4j.isDate(v as never) && String(v) === '2019-02-05' },
    { name: 'a tagged datetime becomes the driver\'s DateTime at offset 0', param: { $zoned_datetime: '2019-02-05T10:30:00.123Z' }, check: (v: unknown) => neo4j.isDateTime(v as never) && String(v) === '2019-02-05T10:30:00.123000000Z' },
    { name: 'a map with other keys stays a map', param: { $date: '2019-02-05', note: 'x' }, check: (v: unknown) => !neo4j.isDate(v as never) && typeof v === 'object' },
  ])('toNeo4jParams: $name', ({ param, check }) => {
    expect(check(toNeo4jParams(param))).toBe(true);
  });

  test.each([
    { value: '2019-02-05T00:00:00Z', plain: '2019-02-05T00:00:00.000Z', why: 'a datetime as Grafeo gives it back' },
    { value: '2019-02-05T10:30:00.123Z', plain: '2019-02-05T10:30:00.123Z', why: 'milliseconds kept' },
    { value: '2019-02-05', plain: '2019-02-05', why: 'a date is already the app\'s form' },
    { value: 'said on 2019-02-05T00:00:00Z', plain: 'said on 2019-02-05T00:00:00Z', why: 'text around a timestamp is text' },
  ])('grafeoToPlain: $why', ({ value, plain }) => {
    expect(grafeoToPlain(value)).toBe(plain);
  });
});

describe('toPlain (Neo4j driver values)', () => {
  test.each([
    { name: 'a small Integer becomes a number', value: neo4j.int(42), plain: 42 },
    { name: 'a negative Integer becomes a number', value: neo4j.int(-7), plain: -7 },
    { name: 'an Integer past 2^53 becomes a decimal string', value: neo4j.int('9007199254740993'), plain: '9007199254740993' },
    { name: 'a bigint past 2^53 becomes a decimal string', value: 2n ** 60n, plain: '1152921504606846976' },
    { name: 'a float stays a float', value: 0.85, plain: 0.85 },
    { name: 'NaN becomes null', value: Number.NaN, plain: null },
    { name: 'undefined becomes null', value: undefined, plain: null },
    { name: 'a Date becomes an ISO date', value: new NeoDate(2024, 3, 4), plain: '2024-03-04' },
    {
      name: 'a DateTime with an offset becomes the app\'s ISO string of its instant (UTC, milliseconds)',
      value: new DateTime(2024, 3, 4, 10, 30, 0, 0, 3600),
      plain: '2024-03-04T09:30:00.000Z',
    },
    { name: 'a UTC DateTime ends in Z with milliseconds (finer digits dropped)', value: new DateTime(2024, 3, 4, 10, 30, 15, 500_999_999, 0), plain: '2024-03-04T10:30:15.500Z' },
    { name: 'a UTC DateTime at midnight keeps its zero milliseconds, as the app writes it', value: new DateTime(2019, 2, 5, 0, 0, 0, 0, 0), plain: '2019-02-05T00:00:00.000Z' },
    { name: 'a DateTime with only a zone name is printed as the driver prints it', value: new DateTime(2024, 3, 4, 10, 30, 0, 0, undefined, 'Europe/Paris'), plain: '2024-03-04T10:30:00[Europe/Paris]' },
    { name: 'a LocalDateTime has no offset', value: new LocalDateTime(2024, 3, 4, 10, 30, 0, 0), plain: '2024-03-04T10:30:00' },
    { name: 'a Time keeps its offset', value: new Time(9, 5, 0, 0, 0), plain: '09:05:00Z' },
    { name: 'a LocalTime', value: new LocalTime(9, 5, 1, 0), plain: '09:05:01' },
    { name: 'a Duration becomes ISO-8601', value: new Duration(1, 2, 3, 0), plain: 'P1M2DT3S' },
    { name: 'a JS Date becomes an ISO string', value: new Date('2024-03-04T10:00:00Z'), plain: '2024-03-04T10:00:00.000Z' },
    { name: 'a 2D Point', value: new Point(4326, 2.35, 48.85), plain: { srid: 4326, x: 2.35, y: 48.85 } },
    { name: 'a 3D Point', value: new Point(neo4j.int(9157), 1, 2, 3), plain: { srid: 9157, x: 1, y: 2, z: 3 } },
    { name: 'a byte array becomes numbers', value: new Int8Array([1, -2]), plain: [1, -2] },
  ])('$name', ({ value, plain }) => {
    expect(toPlain(value)).toEqual(plain);
  });

  test('a Node becomes {_id, _labels, ...properties} with plain property values', () => {
    const node = new Node(neo4j.int(5), ['Actor'], { id: 'act_1', name: 'Macron', aliases: ['EM'], mentions: neo4j.int(3) }, '4:db:5');
    expect(toPlain(node)).toEqual({ _id: '4:db:5', _labels: ['Actor'], id: 'act_1', name: 'Macron', aliases: ['EM'], mentions: 3 });
  });

  test('a Relationship becomes {_id, _source, _target, _type, ...properties}', () => {
    const rel = new Relationship(neo4j.int(9), neo4j.int(1), neo4j.int(2), 'SAID', { weight: neo4j.int(2) }, '5:db:9', '4:db:1', '4:db:2');
    expect(toPlain(rel)).toEqual({ _id: '5:db:9', _source: '4:db:1', _target: '4:db:2', _type: 'SAID', weight: 2 });
  });

  test('an UnboundRelationship becomes {_id, _type, ...properties}', () => {
    expect(toPlain(new UnboundRelationship(neo4j.int(9), 'ABOUT', {}, '5:db:9'))).toEqual({ _id: '5:db:9', _type: 'ABOUT' });
  });

  test('a Path becomes {nodes, edges} in path order', () => {
    const a = new Node(neo4j.int(1), ['Actor'], { id: 'a' }, '4:db:1');
    const s = new Node(neo4j.int(2), ['Statement'], { id: 's' }, '4:db:2');
    const t = new Node(neo4j.int(3), ['Actor'], { id: 't' }, '4:db:3');
    const said = new Relationship(neo4j.int(10), neo4j.int(1), neo4j.int(2), 'SAID', {}, '5:db:10', '4:db:1', '4:db:2');
    const about = new Relationship(neo4j.int(11), neo4j.int(2), neo4j.int(3), 'ABOUT', {}, '5:db:11', '4:db:2', '4:db:3');
    const path = new Path(a, t, [new PathSegment(a, said, s), new PathSegment(s, about, t)]);
    const plain = toPlain(path) as { nodes: Array<{ id: string }>; edges: Array<{ _type: string }> };
    expect(plain.nodes.map((n) => n.id)).toEqual(['a', 's', 't']);
    expect(plain.edges.map((e) => e._type)).toEqual(['SAID', 'ABOUT']);
  });

  test('lists and maps are mapped recursively', () => {
    expect(toPlain({ counts: [neo4j.int(1), neo4j.int(2)], nested: { when: new NeoDate(2024, 1, 2), none: null } })).toEqual({
      counts: [1, 2],
      nested: { when: '2024-01-02', none: null },
    });
  });

  test('the result is JSON-serialisable as is', () => {
    const node = new Node(neo4j.int(5), ['Actor'], { born: new NeoDate(1977, 12, 21), n: neo4j.int('9007199254740993') }, '4:db:5');
    expect(JSON.parse(JSON.stringify(toPlain([node])))).toEqual(toPlain([node]));
  });
});

describe('grafeoToPlain (embedded values)', () => {
  test('node, relationship and path ids become strings, properties stay', () => {
    expect(grafeoToPlain({ _id: 0, _labels: ['Actor'], id: 'a', aliases: ['x'] })).toEqual({ _id: '0', _labels: ['Actor'], id: 'a', aliases: ['x'] });
    expect(grafeoToPlain({ _id: 3, _source: 0, _target: 1, _type: 'SAID' })).toEqual({ _id: '3', _source: '0', _target: '1', _type: 'SAID' });
    expect(grafeoToPlain({ nodes: [{ _id: 1, _labels: [] }], edges: [{ _id: 2, _source: 1, _target: 1, _type: 'X' }] })).toEqual({
      nodes: [{ _id: '1', _labels: [] }],
      edges: [{ _id: '2', _source: '1', _target: '1', _type: 'X' }],
    });
  });

  test.each([
    { name: 'a safe bigint becomes a number', value: 12n, plain: 12 },
    { name: 'a large bigint becomes a string', value: 2n ** 62n, plain: '4611686018427387904' },
    { name: 'a Date becomes an ISO string', value: new Date(0), plain: '1970-01-01T00:00:00.000Z' },
    { name: 'a vector becomes numbers', value: new Float32Array([0.5, 1]), plain: [0.5, 1] },
    { name: 'a Buffer becomes numbers', value: Buffer.from([1, 2]), plain: [1, 2] },
    { name: 'a tagged decimal stays a map', value: { $decimal: '1.50' }, plain: { $decimal: '1.50' } },
  ])('$name', ({ value, plain }) => {
    expect(grafeoToPlain(value)).toEqual(plain);
  });
});

describe('toNeo4jParams', () => {
  test('safe integers become driver Integers (LIMIT needs them), floats and strings stay, recursively', () => {
    const params = toNeo4jParams({ limit: 50, confidence: 0.5, rows: [{ start: 3, id: 'x' }], none: null }) as Record<string, unknown>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.confidence).toBe(0.5);
    const [row] = params.rows as Array<Record<string, unknown>>;
    expect(neo4j.isInt(row!.start)).toBe(true);
    expect(row!.id).toBe('x');
    expect(params.none).toBeNull();
  });
});
