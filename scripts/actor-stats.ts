/**
 * Actor statistics on the bundled Wikinews corpus (docs/actors.md): ingests
 * every article except the held-out actor-gold lines (1, 7, 13, ... : every
 * 6th line from the first, annotated separately and never used for rules)
 * into an in-memory store through the real pipeline, then prints actors per
 * statement, the share of actors in no statement, kinds, and a uniform
 * sample of actors (seeded) to label by hand.
 *
 * usage: npx tsx scripts/actor-stats.ts CORPUS.jsonl [sampleSize=50] [seed=7] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { openStore } from '../server/graph/index.js';
import { ingestRecord } from '../server/ingest/index.js';
import { processArticle } from '../server/pipeline/index.js';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : null;
const [corpus, sizeArg, seedArg] = args;
if (!corpus) throw new Error('usage: actor-stats.ts CORPUS.jsonl [sampleSize] [seed] [--out FILE]');
const size = Number(sizeArg ?? 50);
let seed = Number(seedArg ?? 7);

/** Lines held out for the actor gold: 1, 7, 13, ... (1-based). */
export const heldOut = (lineNo: number) => (lineNo - 1) % 6 === 0;

const lines = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim() !== '');
const store = await openStore({ backend: 'embedded', path: null });
let articles = 0;
for (let i = 0; i < lines.length; i++) {
  if (heldOut(i + 1)) continue;
  for (const a of ingestRecord(JSON.parse(lines[i]!), 'corpus', { retrievedAt: '2021-01-01T00:00:00Z' })) {
    await processArticle(store, a);
    articles++;
  }
}
// counts by separate grouped matches: one pattern comprehension per actor timed out on a loaded machine
const actors = await store.run('MATCH (a:Actor) WHERE a.mergedInto IS NULL RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles ORDER BY a.id');
const countBy = async (q: string) => new Map((await store.run(q)).map((r) => [String(r.id), Number(r.n)]));
const said = await countBy('MATCH (a:Actor)-[:SAID]->(s:Statement) RETURN a.id AS id, count(s) AS n');
const about = await countBy('MATCH (s:Statement)-[:ABOUT]->(a:Actor) RETURN a.id AS id, count(s) AS n');
const inArticles = await countBy('MATCH (x:Article)-[:MENTIONS]->(a:Actor) RETURN a.id AS id, count(x) AS n');
for (const a of actors) { a.said = said.get(String(a.id)) ?? 0; a.about = about.get(String(a.id)) ?? 0; a.articles = inArticles.get(String(a.id)) ?? 0; }
const [st] = await store.run('MATCH (s:Statement) RETURN count(s) AS n');
const statements = Number(st!.n);
const inNone = actors.filter((a) => Number(a.said) === 0 && Number(a.about) === 0).length;
const oneArticle = actors.filter((a) => Number(a.articles) <= 1).length;
const kinds: Record<string, number> = {};
for (const a of actors) kinds[String(a.kind)] = (kinds[String(a.kind)] ?? 0) + 1;
console.log(JSON.stringify({
  articles, statements, actors: actors.length, actorsPerStatement: +(actors.length / statements).toFixed(3),
  inNoStatement: +(inNone / actors.length).toFixed(3), inOneArticle: +(oneArticle / actors.length).toFixed(3), kinds,
}));
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pool = [...actors];
const sample = [];
while (sample.length < size && pool.length > 0) sample.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
const rows = sample.map((a) => `${a.kind}\t${a.name}\t${(a.aliases as string[] ?? []).slice(0, 4).join(' | ')}\t${(a.roles as string[] ?? []).slice(0, 2).join(' | ')}\tsaid=${a.said} about=${a.about} articles=${a.articles}`);
if (out) {
  writeFileSync(out, actors.map((a) => `${a.kind}\t${a.name}\t${(a.aliases as string[] ?? []).join(' | ')}\tsaid=${a.said} about=${a.about} articles=${a.articles}`).join('\n') + '\n');
}
console.log(rows.join('\n'));
await store.close();
