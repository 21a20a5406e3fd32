/**
 * Synthetic news corpus with realistic skew, for benchmarks:
 * - speakers follow a Zipf law (a few actors say most things);
 * - many sources repeat the same utterance (claims carried by several outlets);
 * - dates spread over months.
 * Deterministic for a seed, so runs compare.
 */
import type { ArticleGraph, StatementNode } from '../server/graph/types.js';
import type { CueClass } from '../server/extract/schema.js';
import { actorId, sourceId, statementId, stableId } from '../server/ids.js';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Katya', 'Luis', 'Maya', 'Nikolai', 'Olga', 'Pavel', 'Quentin', 'Rosa', 'Samir', 'Tanya', 'Umar', 'Vera', 'Wen', 'Xavier', 'Yara', 'Zoltan'];
const LAST = ['Berg', 'Costa', 'Dimitrov', 'Eriksen', 'Fischer', 'Garcia', 'Hassan', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ulrich', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zeller'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'spokeswoman', 'spokesman', 'Prime Minister', 'President', 'senator', 'envoy', 'ambassador', 'Finance Minister'];
const COUNTRIES = ['Ruritania', 'Freedonia', 'Latveria', 'Genovia', 'Sokovia', 'Elbonia', 'Florin', 'Guilder', 'Borduria', 'Syldavia'];
const TOPICS = ['the ceasefire', 'the trade deal', 'the sanctions', 'the border talks', 'the energy pact', 'the peace plan', 'the election', 'the aid package'];
const VERBS: { text: string; lemma: string; cls: CueClass }[] = [
  { text: 'said', lemma: 'say', cls: 'say' }, { text: 'warned', lemma: 'warn', cls: 'warn' }, { text: 'told reporters', lemma: 'tell', cls: 'say' },
  { text: 'added', lemma: 'add', cls: 'say' }, { text: 'claimed', lemma: 'claim', cls: 'say' }, { text: 'insisted', lemma: 'insist', cls: 'say' },
];
/** For variedArticles: nationalities with their country and capital (a metonym: "Moscow said"). */
const NATIONS = [['French', 'France', 'Paris'], ['German', 'Germany', 'Berlin'], ['Russian', 'Russia', 'Moscow'], ['Ukrainian', 'Ukraine', 'Kyiv'], ['British', 'United Kingdom', 'London'], ['Israeli', 'Israel', 'West Jerusalem'], ['Italian', 'Italy', 'Rome'], ['Polish', 'Poland', 'Warsaw']] as const;
const WHEN = ['on Monday', 'on Tuesday', 'last week', 'earlier this month', 'on Friday', 'yesterday', ''];
const QUOTE_MARKS: [string, string][] = [['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['‘', "'"]];
const FILLER = [
  'The meeting took place behind closed doors and lasted several hours.',
  'Officials did not give details of the timetable for the next round.',
  "The country's economy has been under strain since the start of the year.",
  'Markets reacted calmly to the news, with the currency little changed.',
  'Both sides have traded accusations for months over the disputed region.',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const START = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

export interface CorpusOptions {
  seed?: number;
  actors?: number;
  sources?: number;
  /** Days the dates spread over. */
  days?: number;
  statementsPerArticle?: number;
  /** Probability that a statement repeats an earlier utterance (a claim carried by another outlet). */
  repeatRate?: number;
}

interface Utterance { speaker: number; target: number; quote: string; verb: number; day: number }

/** A generator of synthetic articles: text for end-to-end ingest, or the graph directly for store fills. */
export function corpus(opts: CorpusOptions = {}) {
  const rand = rng(opts.seed ?? 42);
  const nActors = opts.actors ?? 2000;
  const nSources = opts.sources ?? 60;
  const days = opts.days ?? 180;
  const perArticle = opts.statementsPerArticle ?? 10;
  const repeatRate = opts.repeatRate ?? 0.3;
  const actors = Array.from({ length: nActors }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`,
    role: `${COUNTRIES[i % COUNTRIES.length]} ${ROLES[i % ROLES.length]}`,
  }));
  // Zipf weights: cumulative table for inverse sampling.
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < nActors; i++) cumulative.push((total += 1 / Math.pow(i + 1, 1.1)));
  const zipf = () => {
    const x = rand() * total;
    let lo = 0, hi = nActors - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const past: Utterance[] = [];
  let n = 0;

  const nextUtterances = (day: number): Utterance[] =>
    Array.from({ length: perArticle }, () => {
      if (past.length > 50 && rand() < repeatRate) {
        const u = past[Math.floor(rand() * past.length)]!;
        if (Math.abs(u.day - day) < 14) return u;
      }
      const u: Utterance = {
        speaker: zipf(),
        target: zipf(),
        quote: `We will not accept ${pick(TOPICS)} as long as ${pick(COUNTRIES)} keeps ${pick(['stalling', 'escalating', 'lying', 'hesitating'])} on ${pick(TOPICS)} number ${Math.floor(rand() * 1000)}`,
        verb: Math.floor(rand() * VERBS.length),
        day,
      };
      past.push(u);
      if (past.length > 5000) past.shift();
      return u;
    });

  return {
    actors,
    /** The next article as text, with its metadata. */
    nextText(): { id: string; title: string; source: string; publishedAt: string; text: string } {
      const day = Math.floor(rand() * days);
      const source = `Outlet ${Math.floor(rand() * nSources) + 1}`;
      const published = new Date(START + day * DAY + 12 * 3_600_000);
      const lines = nextUtterances(day).map((u) => {
        const a = actors[u.speaker]!;
        const t = actors[u.target]!;
        const v = VERBS[u.verb]!;
        const when = WEEKDAYS[new Date(START + Math.max(0, u.day - 1) * DAY).getUTCDay()];
        return pick([
          () => `"${u.quote}," ${a.role} ${a.name} ${v.text} on ${when}.`,
          () => `${a.name} accused ${t.name} of undermining ${pick(TOPICS)}, according to officials.`,
          () => `${a.role} ${a.name} ${v.text} that ${u.quote.toLowerCase()}.`,
          () => `In a statement, ${a.name} warned that ${t.name} would "pay a price" for ${pick(TOPICS)}. ${pick(['Talks resume next week.', 'Markets were calm.', 'No date was set.'])}`,
        ])();
      });
      n += 1;
      return { id: `synthetic-${n}`, title: `Report ${n} on ${pick(TOPICS)}`, source, publishedAt: published.toISOString(), text: lines.join('\n') };
    },
    /** The next article as the store's write unit, skipping extraction (for filling large stores quickly). */
    nextGraph(): ArticleGraph {
      const day = Math.floor(rand() * days);
      const utterances = nextUtterances(day);
      const art = stableId('art', 'synthetic', String(++n));
      const srcName = `Outlet ${Math.floor(rand() * nSources) + 1}`;
      const used = new Map<number, string>();
      const idOf = (i: number) => {
        if (!used.has(i)) used.set(i, actorId('person', actors[i]!.name));
        return used.get(i)!;
      };
      // The article's text holds each statement's sentence at its offsets (a store may keep only the offsets and
      // slice the sentence from the text: docs/graph.md, "Statement texts"), one sentence a line.
      let offset = 0;
      const lines: string[] = [];
      const statements: StatementNode[] = utterances.map((u) => {
        const v = VERBS[u.verb]!;
        const sentence = `"${u.quote}," ${actors[u.speaker]!.name} ${v.text}.`;
        const sentenceStart = offset;
        const start = sentenceStart + 1;
        offset += sentence.length + 1;
        lines.push(sentence);
        const saidAt = new Date(START + u.day * DAY).toISOString().slice(0, 10);
        return {
          id: statementId(art, start, start + u.quote.length),
          content: u.quote, quote: u.quote, direct: true, cue: v.text, cueLemma: v.lemma, cueClass: rand() < 0.2 ? 'accuse' : v.cls,
          saidAt, saidAtPrecision: 'day', timeText: null, sentence,
          sentenceStart, sentenceEnd: sentenceStart + sentence.length, start, end: start + u.quote.length, confidence: 0.9,
          speakerId: idOf(u.speaker), speakerMention: actors[u.speaker]!.name, aboutIds: [idOf(u.target)], addresseeId: null, viaId: null,
        };
      });
      return {
        source: { id: sourceId(srcName), name: srcName, domain: null },
        article: {
          id: art, url: null, title: `Report ${n}`, publishedAt: new Date(START + day * DAY).toISOString(), publishedAtPrecision: 'day',
          retrievedAt: new Date(START + day * DAY).toISOString(), contentHash: art, language: 'eng', text: lines.join('\n'),
        },
        actors: [...used.entries()].map(([i, id]) => ({ id, name: actors[i]!.name, kind: 'person' as const, aliases: [], roles: [actors[i]!.role] })),
        statements,
        mentions: [...used.values()],
      };
    },
  };
}

/**
 * `bytes` of synthetic articles (each ~2 KB) for the extraction benchmark:
 * templates mix the patterns the extractor handles (quotes of every kind,
 * cues before/after/around quotes, indirect speech, pronouns, titles,
 * metonyms, time expressions) with plain narrative sentences. Deterministic for a seed.
 */
export function variedArticles(bytes: number, seed = 7): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  let total = 0;
  while (total < bytes) {
    const paras: string[] = [];
    const [dem, country, capital] = pick(NATIONS);
    const first = pick(FIRST);
    const last = pick(LAST);
    const role = pick(ROLES);
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const topic = pick(TOPICS);
    const [o, c] = pick(QUOTE_MARKS);
    paras.push(`${dem} ${role} ${first} ${last} said ${pick(WHEN)} that ${topic} was "${pick(['dead', 'alive', 'close', 'far off'])}" and warned ${other} against delay.`);
    paras.push(`${o}We're not going to accept ${topic} in its current form,${c} ${last} told reporters ${pick(WHEN)}, adding: ${o}Don't expect us to sign anything we haven't read.${c} ${pick(FILLER)}`);
    paras.push(`${capital} has repeatedly stated that ${topic} is unacceptable. ${pick(FILLER)} The ${dem} ${role.split(' ').pop()!.toLowerCase()} has also accused ${other} of "${pick(['stalling', 'lying', 'bluffing'])} on ${topic}."`);
    paras.push(`${topic[0]!.toUpperCase()}${topic.slice(1)} could collapse within weeks, according to ${other}. ${o}It is over,${c} ${pick(['he', 'she'])} said. ${o}There is nothing left to discuss.${c}`);
    paras.push(`${pick(FILLER)} ${pick(FILLER)} Multiple ${dem} officials, including ${first} ${last}, have called for new talks ${pick(WHEN)}. ${country}'s envoy described ${topic} as "${pick(['a trap', 'a chance', 'a mistake'])}."`);
    const text = paras.join('\n');
    out.push(text);
    total += Buffer.byteLength(text);
  }
  return out;
}
