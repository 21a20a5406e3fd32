/**
 * `npm run eval`: extraction quality on every gold fixture.
 * Prints precision, recall, F1, speaker/direct/cue/date accuracy, about
 * recall, and the missed and wrong statements by id.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FIXTURE_NAMES, scoreFixture } from './eval-lib.js';
import { printPolnear } from './eval-polnear.js';
import { printClaimsEval } from './eval-claims.js';
import { printEventsEval } from './eval-events.js';
import { printClaimsPolnear } from './eval/claims-polnear.js';
import { pct } from './eval/format.js';

// `npm run eval -- --polnear DIR [--show KIND] [--top N]`: the PolNeAR development loop only (scripts/eval-polnear.ts).
const Args = z.object({
  polnear: z.string().min(1).optional(),
  show: z.string().optional(),
  top: z.coerce.number().int().positive().optional(),
});
const args = Args.parse(parseArgs({ options: { polnear: { type: 'string' }, show: { type: 'string' }, top: { type: 'string' } } }).values);
if (args.polnear) {
  printPolnear(args.polnear, { show: args.show, top: args.top });
  // Claims on real multi-outlet news (issue 21, scripts/eval/claims-polnear.ts), from the same directory.
  await printClaimsPolnear(args.polnear);
  process.exit(0);
}


for (const name of FIXTURE_NAMES) {
  const s = scoreFixture(name);
  console.log(`\n== ${name}`);
  console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  console.log(`speaker ${pct(s.speakerAccuracy)}  direct ${pct(s.directAccuracy)}  cue ${pct(s.cueAccuracy)}  about recall ${pct(s.aboutRecall)}  date ${pct(s.dateAccuracy)}`);
  for (const a of s.articles) {
    for (const g of a.missed) console.log(`  missed ${g.id}: ${g.speaker} | ${g.content.slice(0, 90)}`);
    for (const p of a.wrong) console.log(`  wrong  [${a.title.slice(0, 24)}] ${p.speaker?.name ?? '(none)'} ${p.cue.lemma} | ${p.content.text.slice(0, 90)}`);
    for (const c of a.speakerChecks.filter((x) => !x.ok)) console.log(`  speaker wrong for ${c.gold.id}`);
  }
  for (const e of s.dateErrors) console.log(`  date ${e}`);
}

// Same-claim pairs across articles (server/claims, docs/claims.md).
await printClaimsEval();

// Events: recall, date accuracy and cross-article merging (issue 10, scripts/eval-events.ts).
await printEventsEval();

// Actors: validity, kinds, clustering and speakers on the Wikinews actor gold (issue 16, scripts/eval/actors.ts).
await (await import('./eval/actors.js')).printActorsEval();

// Statements on our own Wikinews gold (issue 15, scripts/eval/wikinews.ts): real text annotated by reading.
(await import('./eval/wikinews.js')).printWikinewsEval();
