/**
 * Event scoring for `npm run eval` (issue 10): each fixture with an `events`
 * field goes through the real pipeline into an in-memory store (so
 * cross-article merging is scored too), and the stored events are compared
 * with the gold (matching rules in the fixture's `events.matching`).
 *
 * Scores: recall of required events; precision (stored events matching no
 * gold event, optional ones neutral); date accuracy over the matched events
 * (value and precision: day, ISO week "YYYY-Www", month "YYYY-MM"); report
 * recall (gold (event, article) pairs the one matched Event node is reported
 * by); fragments (stored events per gold event, 1 is right); participant
 * recall; statements-at recall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE_GROUPS, type EventType } from '../server/extract/model/events.js';
import { placeArea } from '../server/extract/events/find.js';
import { openStore } from '../server/graph/index.js';
import { EVENTS } from '../server/graph/queries/events.js';
import { readInputs } from '../server/ingest/index.js';
import { ingestInputs } from '../server/pipeline/index.js';
import { pct } from './eval/format.js';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
export const EVENT_FIXTURES = ['seed-page', 'wire-story', 'long-quotes'];

interface GoldEvent {
  id: string;
  required: boolean;
  type: EventType;
  typeAlt?: EventType[];
  name: string | null;
  participants: string[];
  place: string | null;
  date: string | null;
  articles: number[];
  statementsAt: string[];
}
interface Gold {
  document: string;
  retrievedAt: string;
  actors: { name: string; aliases: string[] }[];
  articles: { title: string; statements: { id: string; content: string }[] }[];
  events?: { items: GoldEvent[] };
}
interface StoredEvent {
  id: string;
  type: EventType;
  name: string | null;
  place: string | null;
  date: string | null;
  datePrecision: string;
  participants: string[];
  articles: number[];
  atContents: string[];
}

export interface EventScore {
  gold: number;
  found: number;
  stored: number;
  wrong: number;
  recall: number | null;
  precision: number | null;
  dateAccuracy: number | null;
  placeAccuracy: number | null;
  reportRecall: number | null;
  participantRecall: number | null;
  statementsAtRecall: number | null;
  fragments: Record<string, number>;
  lines: string[];
}

const tokens = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
function f1(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.length === 0 || y.length === 0) return 0;
  const bag = new Map<string, number>();
  for (const t of y) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of x) if ((bag.get(t) ?? 0) > 0) { common++; bag.set(t, bag.get(t)! - 1); }
  if (common === 0) return 0;
  const p = common / x.length;
  const r = common / y.length;
  return (2 * p * r) / (p + r);
}

/** Gold date -> the stored form: value and precision. */
function goldDate(d: string | null): { value: string | null; precision: string } {
  if (d === null) return { value: null, precision: 'unknown' };
  const w = /^(\d{4})-W(\d{2})$/.exec(d);
  if (w) {
    // ISO week: the Monday of week 1 is the Monday on or before 4 January
    const jan4 = Date.UTC(Number(w[1]), 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return { value: new Date(monday1 + (Number(w[2]) - 1) * 7 * 86_400_000).toISOString().slice(0, 10), precision: 'week' };
  }
  if (/^\d{4}-\d{2}$/.test(d)) return { value: `${d}-01`, precision: 'month' };
  return { value: d, precision: 'day' };
}

function scoreFixture(gold: Gold, stored: StoredEvent[]): EventScore {
  const items = gold.events?.items ?? [];
  const names = new Map<string, Set<string>>();
  for (const a of gold.actors) names.set(a.name, new Set([a.name, ...a.aliases].map((x) => x.toLowerCase())));
  const has = (e: StoredEvent, goldName: string) => {
    const ok = names.get(goldName) ?? new Set([goldName.toLowerCase()]);
    return e.participants.some((p) => ok.has(p.toLowerCase()));
  };
  const matches = (g: GoldEvent, e: StoredEvent) => {
    const types = [g.type, ...(g.typeAlt ?? [])];
    if (!types.includes(e.type) && !types.some((t) => TYPE_GROUPS[t] === TYPE_GROUPS[e.type] && t === e.type)) return false;
    const shared = g.participants.filter((p) => has(e, p)).length;
    return shared >= Math.min(2, g.participants.length) && e.articles.some((a) => g.articles.includes(a));
  };
  const lines: string[] = [];
  const fragments: Record<string, number> = {};
  let found = 0;
  let dateOk = 0;
  let placeOk = 0;
  let placeN = 0;
  let pairs = 0;
  let pairsHit = 0;
  let parts = 0;
  let partsHit = 0;
  let atN = 0;
  let atHit = 0;
  const matchedStored = new Set<string>();
  const statementById = new Map(gold.articles.flatMap((a) => a.statements.map((s) => [s.id, s.content] as const)));
  for (const g of items) {
    const hits = stored.filter((e) => matches(g, e));
    for (const h of hits) matchedStored.add(h.id);
    if (!g.required) continue;
    fragments[g.id] = hits.length;
    pairs += g.articles.length;
    parts += g.participants.length;
    atN += g.statementsAt.length;
    const best = [...hits].sort((a, b) => b.articles.filter((x) => g.articles.includes(x)).length - a.articles.filter((x) => g.articles.includes(x)).length)[0];
    if (!best) {
      lines.push(`  missed event ${g.id}`);
      continue;
    }
    found++;
    const want = goldDate(g.date);
    const dateRight = best.date === want.value && (want.value === null || best.datePrecision === want.precision);
    if (dateRight) dateOk++;
    else lines.push(`  date   ${g.id}: stored ${best.date} (${best.datePrecision}), gold ${g.date}`);
    if (g.place) {
      placeN++;
      if (best.place && placeArea(best.place) === placeArea(g.place)) placeOk++;
      else lines.push(`  place  ${g.id}: stored ${best.place}, gold ${g.place}`);
    }
    pairsHit += g.articles.filter((a) => best.articles.includes(a)).length;
    const missingParts = g.participants.filter((p) => !has(best, p));
    partsHit += g.participants.length - missingParts.length;
    if (missingParts.length > 0) lines.push(`  participants ${g.id}: missing ${missingParts.join(', ')}`);
    for (const sid of g.statementsAt) {
      const content = statementById.get(sid) ?? '';
      if (best.atContents.some((c) => f1(c, content) >= 0.5)) atHit++;
      else lines.push(`  at     ${g.id}: statement ${sid} not linked`);
    }
    if (hits.length > 1) lines.push(`  split  ${g.id}: ${hits.length} stored events`);
  }
  const wrong = stored.filter((e) => !matchedStored.has(e.id));
  for (const e of wrong) lines.push(`  wrong  ${e.type} ${e.name ?? ''} [${e.participants.join(', ')}] ${e.date ?? ''} articles ${e.articles.join(',')}`);
  const required = items.filter((g) => g.required).length;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    gold: required,
    found,
    stored: stored.length,
    wrong: wrong.length,
    recall: ratio(found, required),
    precision: ratio(stored.length - wrong.length, stored.length),
    dateAccuracy: ratio(dateOk, found),
    placeAccuracy: ratio(placeOk, placeN),
    reportRecall: ratio(pairsHit, pairs),
    participantRecall: ratio(partsHit, parts),
    statementsAtRecall: ratio(atHit, atN),
    fragments,
    lines,
  };
}

/** Runs every fixture with events through the pipeline and scores the stored events. */
export async function evalEvents(names = EVENT_FIXTURES): Promise<Record<string, EventScore>> {
  const out: Record<string, EventScore> = {};
  for (const name of names) {
    const gold = JSON.parse(readFileSync(join(FIXTURES, `${name}.gold.json`), 'utf8')) as Gold;
    if (!gold.events) continue;
    const store = await openStore({ backend: 'embedded', path: null });
    try {
      await ingestInputs(store, readInputs([join(FIXTURES, gold.document)], { retrievedAt: gold.retrievedAt }));
      const norm = (t: string) => tokens(t).join(' ');
      const articleIndex = (title: string) => gold.articles.findIndex((a) => norm(a.title) === norm(title));
      const stored: StoredEvent[] = (await store.run(EVENTS.evalEvents)).map((r) => ({
        id: String(r.id),
        type: String(r.type) as EventType,
        name: r.name == null ? null : String(r.name),
        place: r.place == null ? null : String(r.place),
        date: r.date == null ? null : String(r.date),
        datePrecision: String(r.datePrecision ?? 'unknown'),
        participants: (r.participants as unknown[]).map(String),
        articles: (r.articles as unknown[]).map((t) => articleIndex(String(t))).filter((i) => i >= 0),
        atContents: (r.atContents as unknown[]).map(String),
      }));
      out[name] = scoreFixture(gold, stored);
    } finally {
      await store.close();
    }
  }
  return out;
}

/** Prints the event scores the way scripts/eval.ts prints the others. */
export async function printEventsEval(): Promise<void> {
  console.log('\n== events (server/extract/events, server/pipeline/events.ts)');
  for (const [name, s] of Object.entries(await evalEvents())) {
    console.log(`${name.padEnd(12)} recall ${pct(s.recall)} (${s.found}/${s.gold})  precision ${pct(s.precision)} (${s.stored - s.wrong}/${s.stored})  date ${pct(s.dateAccuracy)}  place ${pct(s.placeAccuracy)}`);
    console.log(`${''.padEnd(12)} reports ${pct(s.reportRecall)}  participants ${pct(s.participantRecall)}  statements-at ${pct(s.statementsAtRecall)}  stored events per gold event ${JSON.stringify(s.fragments)}`);
    for (const l of s.lines) console.log(l);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printEventsEval();
