/**
 * Extraction throughput on >= 5 MB of varied synthetic news text, one core.
 * Templates mix the patterns the extractor handles (quotes of every kind,
 * cues before/after/around quotes, indirect speech, pronouns, titles,
 * metonyms, time expressions) with plain narrative sentences, so the measure
 * is not of an easy case. Deterministic for a seed.
 *
 * `npx tsx bench/extract.ts` prints the numbers; `npm run bench` calls benchExtract().
 */
import { extract } from '../server/extract/index.js';
import { rng } from './corpus.js';

const FIRST = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Katya', 'Luis', 'Maya', 'Nikolai', 'Olga', 'Pavel'];
const LAST = ['Berg', 'Costa', 'Dimitrov', 'Eriksen', 'Fischer', 'Garcia', 'Hassan', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Prime Minister', 'President', 'Finance Minister'];
const NATIONS = [['French', 'France', 'Paris'], ['German', 'Germany', 'Berlin'], ['Russian', 'Russia', 'Moscow'], ['Ukrainian', 'Ukraine', 'Kyiv'], ['British', 'United Kingdom', 'London'], ['Israeli', 'Israel', 'West Jerusalem'], ['Italian', 'Italy', 'Rome'], ['Polish', 'Poland', 'Warsaw']];
const TOPICS = ['the ceasefire', 'the trade deal', 'the sanctions', 'the border talks', 'the energy pact', 'the peace plan', 'the election', 'the aid package'];
const WHEN = ['on Monday', 'on Tuesday', 'last week', 'earlier this month', 'on Friday', 'yesterday', ''];
const QUOTES: [string, string][] = [['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['‘', "'"]];
const FILLER = [
  'The meeting took place behind closed doors and lasted several hours.',
  'Officials did not give details of the timetable for the next round.',
  "The country's economy has been under strain since the start of the year.",
  'Markets reacted calmly to the news, with the currency little changed.',
  'Both sides have traded accusations for months over the disputed region.',
];

/** Generates `bytes` of synthetic articles (each ~2 KB). */
export function syntheticArticles(bytes: number, seed = 7): string[] {
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
    const [o, c] = pick(QUOTES);
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

let lastWallSecs = 0;

/** Runs the extractor over >= 5 MB of synthetic articles and reports throughput. */
export async function benchExtract(): Promise<{ mbPerSec: number; articlesPerSec: number; bytes: number }> {
  const articles = syntheticArticles(5 * 1024 * 1024);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  for (const a of articles.slice(0, 200)) extract(a, { publishedAt: '2025-08-21T12:00:00Z' }); // warm-up
  let statements = 0;
  // CPU time of this process, not wall time: on a shared machine wall time measures the neighbours too
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const a of articles) statements += extract(a, { publishedAt: '2025-08-21T12:00:00Z' }).statements.length;
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  lastWallSecs = (performance.now() - t0) / 1000;
  if (statements === 0) throw new Error('benchmark extracted nothing: the templates no longer exercise the extractor');
  return { mbPerSec: bytes / 1024 / 1024 / secs, articlesPerSec: articles.length / secs, bytes };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await benchExtract();
  console.log(`extract: ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.mbPerSec.toFixed(2)} MB/s, ${r.articlesPerSec.toFixed(0)} articles/s per CPU-second on one core (wall ${lastWallSecs.toFixed(1)} s)`);
}
