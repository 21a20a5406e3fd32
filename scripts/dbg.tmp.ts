import { loadGold, delimitArticles } from '/work/main/scripts/eval-lib.js';
import { extract } from '/work/main/server/extract/index.js';
const { gold, page } = loadGold(process.argv[2] ?? 'seed-page');
const arts = delimitArticles(page, gold);
const which = Number(process.argv[3] ?? 0);
const a = arts[which]!;
const r = extract(a.text, { publishedAt: a.publishedAt });
for (const s of r.statements) console.log(`${s.speaker?.name ?? '-'} [${s.speaker?.mention ?? ''}${s.speaker?.group ? ' / ' + s.speaker.group : ''}] ${s.cue.text}/${s.cue.lemma} ${s.direct ? 'D' : 'I'} | ${s.content.text} | about=${s.about.map(x => x.name).join(',')} to=${s.addressee?.name ?? ''} via=${s.via?.name ?? ''} at=${s.saidAt.value}/${s.saidAt.precision}/${s.saidAt.text} c=${s.confidence}`);
if (process.argv[4]) console.log(JSON.stringify(r.actors));
