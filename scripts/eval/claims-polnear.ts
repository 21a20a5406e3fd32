/**
 * Claims on real multi-outlet news: `npm run eval -- --polnear DIR`.
 *
 * Every PolNeAR train article (DIR/polnear-train.jsonl, publisher as the
 * outlet) goes through the real pipeline into an in-memory store, in date
 * order; the claims the store ends up with are compared with the groups of
 * DIR/claims-groups.json (scripts/eval/claims-polnear-groups.ts, built from
 * the gold annotations without claimgraph) and DIR/claims-groups-read.json
 * (paraphrases found by reading, optional).
 *
 * A gold occurrence is extracted when a statement of its article covers it:
 * character overlap of the statement's content span and the occurrence's
 * spans >= half the shorter of the two. A cross-outlet pair (two occurrences
 * of a group from different publishers) is joined when a statement of each
 * is in one claim; a group is found when one claim holds statements of two
 * or more of its publishers. Precision of multi-outlet claims is judged by
 * reading: every claim is written with its text to DIR/claims-eval-claims.txt
 * (outside the project), those with members from two or more publishers
 * first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../server/graph/index.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import { ingestRecord } from '../../server/ingest/index.js';
import { buildArticleGraph, processArticle } from '../../server/pipeline/index.js';
import { ClaimGroups, readPolnear, type Occurrence } from './claims-polnear-groups.js';
import { pctOf } from './format.js';

interface StmtSpan {
  id: string;
  polnearId: string;
  publisher: string;
  start: number;
  end: number;
  content: string;
}

export interface PolnearClaimsScore {
  articles: number;
  statements: number;
  groups: number;
  groupsFound: number;
  /** Groups with occurrences of two or more publishers extracted: the most the claims step can find. */
  groupsExtracted: number;
  pairs: number;
  pairsJoined: number;
  pairsBothExtracted: number;
  pairsJoinedBothExtracted: number;
  occurrences: number;
  occurrencesExtracted: number;
  claims: number;
  multiOutletClaims: number;
  /** Multi-outlet claims holding a gold pair (a lower bound of the right ones). */
  multiOutletWithGoldPair: number;
}

function overlapShare(a: [number, number], spans: ReadonlyArray<readonly [number, number]>): number {
  let inter = 0;
  let len = 0;
  for (const [s, e] of spans) {
    inter += Math.max(0, Math.min(a[1], e) - Math.max(a[0], s));
    len += e - s;
  }
  const min = Math.min(a[1] - a[0], len);
  return min <= 0 ? 0 : inter / min;
}

/** Runs the corpus through the pipeline and scores the store's claims against the groups. */
export async function evalClaimsPolnear(dir: string, log: (line: string) => void = () => {}): Promise<PolnearClaimsScore> {
  const articles = readPolnear(dir).sort((a, b) => (a.date + a.id < b.date + b.id ? -1 : 1));
  const groups = [
    ...ClaimGroups.parse(JSON.parse(readFileSync(join(dir, 'claims-groups.json'), 'utf8'))).groups,
    ...(existsSync(join(dir, 'claims-groups-read.json')) ? ClaimGroups.parse(JSON.parse(readFileSync(join(dir, 'claims-groups-read.json'), 'utf8'))).groups : []),
  ];
  const store = await openStore({ backend: 'embedded', path: null });
  const spans = new Map<string, StmtSpan>();
  const byArticle = new Map<string, StmtSpan[]>();
  try {
    let n = 0;
    for (const a of articles) {
      const ingested = ingestRecord({ text: a.text, title: a.title, source: a.publisher, publishedAt: a.date, retrievedAt: '2016-12-31T00:00:00Z' }, a.id);
      for (const art of ingested) {
        const offset = art.originSpan?.[0] ?? 0;
        const res = await processArticle(store, art);
        const graph = buildArticleGraph(art, res.extraction);
        for (const s of graph.statements) {
          const sp: StmtSpan = { id: s.id, polnearId: a.id, publisher: a.publisher, start: s.start + offset, end: s.end + offset, content: s.content };
          spans.set(s.id, sp);
          byArticle.set(a.id, [...(byArticle.get(a.id) ?? []), sp]);
        }
      }
      n += 1;
      if (n % 100 === 0) log(`  ${n} articles`);
    }
    const members = await store.run(CLAIMS.evalMembers);
    const claimOf = new Map<string, string>();
    const claimMembers = new Map<string, Array<{ id: string; speaker: string | null }>>();
    for (const r of members) {
      const c = String(r.claimId);
      claimOf.set(String(r.statementId), c);
      claimMembers.set(c, [...(claimMembers.get(c) ?? []), { id: String(r.statementId), speaker: r.speaker == null ? null : String(r.speaker) }]);
    }

    const stmtsOf = (o: Occurrence) => (byArticle.get(o.articleId) ?? []).filter((s) => overlapShare([s.start, s.end], o.spans) >= 0.5);
    let pairs = 0, joined = 0, both = 0, joinedBoth = 0, found = 0, occs = 0, occsEx = 0, groupsEx = 0;
    const goldPairClaims = new Set<string>();
    for (const g of groups) {
      const mapped = g.occurrences.map((o) => ({ o, stmts: stmtsOf(o) }));
      occs += mapped.length;
      occsEx += mapped.filter((m) => m.stmts.length > 0).length;
      if (new Set(mapped.filter((m) => m.stmts.length > 0).map((m) => m.o.publisher)).size >= 2) groupsEx += 1;
      const pubsByClaim = new Map<string, Set<string>>();
      for (const m of mapped) for (const s of m.stmts) {
        const c = claimOf.get(s.id);
        if (c) pubsByClaim.set(c, new Set([...(pubsByClaim.get(c) ?? []), m.o.publisher]));
      }
      if ([...pubsByClaim.values()].some((p) => p.size >= 2)) found += 1;
      else log(`  group ${g.id} not found: ${mapped.filter((m) => m.stmts.length > 0).length} of ${mapped.length} occurrences extracted, in claims: ${mapped.filter((m) => m.stmts.some((s) => claimOf.has(s.id))).length}`);
      for (let i = 0; i < mapped.length; i++) for (let j = i + 1; j < mapped.length; j++) {
        const [x, y] = [mapped[i]!, mapped[j]!];
        if (x.o.publisher === y.o.publisher) continue;
        pairs += 1;
        const ex = x.stmts.length > 0 && y.stmts.length > 0;
        if (ex) both += 1;
        const cx = new Set(x.stmts.map((s) => claimOf.get(s.id)).filter((c) => c !== undefined));
        const shared = y.stmts.map((s) => claimOf.get(s.id)).find((c) => c !== undefined && cx.has(c));
        if (shared) {
          joined += 1;
          if (ex) joinedBoth += 1;
          goldPairClaims.add(shared);
        } else if (ex) {
          log(`  missed ${g.id}: ${x.o.publisher} ${x.o.date} / ${y.o.publisher} ${y.o.date}`);
        }
      }
    }

    // Multi-outlet claims, written out for reading (outside the project: they hold corpus text).
    const multi = [...claimMembers.entries()].filter(([, ms]) => new Set(ms.map((m) => spans.get(m.id)?.publisher)).size >= 2);
    const lines: string[] = [];
    // Multi-outlet claims first, then the claims of one outlet's articles (also read, for a wider sample).
    const multiIds = new Set(multi.map(([c]) => c));
    const ordered = [...claimMembers.entries()].sort(([a], [b]) => Number(multiIds.has(b)) - Number(multiIds.has(a)) || (a < b ? -1 : 1));
    for (const [c, ms] of ordered) {
      lines.push(`== ${c}${multiIds.has(c) ? '  [multi-outlet]' : ''}${goldPairClaims.has(c) ? '  [gold pair]' : ''}`);
      for (const m of ms) {
        const s = spans.get(m.id);
        lines.push(`  ${s?.publisher ?? '?'} | ${s?.polnearId ?? '?'} | ${m.speaker ?? '(no speaker)'} | ${s?.content ?? ''}`);
      }
    }
    writeFileSync(join(dir, 'claims-eval-claims.txt'), lines.join('\n') + '\n');
    return {
      articles: articles.length,
      statements: spans.size,
      groups: groups.length,
      groupsFound: found,
      groupsExtracted: groupsEx,
      pairs,
      pairsJoined: joined,
      pairsBothExtracted: both,
      pairsJoinedBothExtracted: joinedBoth,
      occurrences: occs,
      occurrencesExtracted: occsEx,
      claims: claimMembers.size,
      multiOutletClaims: multi.length,
      multiOutletWithGoldPair: multi.filter(([c]) => goldPairClaims.has(c)).length,
    };
  } finally {
    await store.close();
  }
}

/** Prints the PolNeAR claims measure the way scripts/eval.ts prints the others. */
export async function printClaimsPolnear(dir: string): Promise<void> {
  console.log(`\n== claims on PolNeAR train (${dir})`);
  const s = await evalClaimsPolnear(dir, (l) => console.log(l));
  console.log(`articles ${s.articles}  statements ${s.statements}  claims ${s.claims}  multi-outlet claims ${s.multiOutletClaims} (${s.multiOutletWithGoldPair} hold a gold pair)`);
  console.log(`gold groups ${s.groups}  occurrences extracted ${pctOf(s.occurrencesExtracted, s.occurrences)}`);
  console.log(`pair recall ${pctOf(s.pairsJoined, s.pairs)}  where both sides extracted ${pctOf(s.pairsJoinedBothExtracted, s.pairsBothExtracted)}`);
  console.log(`group recall ${pctOf(s.groupsFound, s.groups)}  where two outlets' occurrences extracted ${pctOf(s.groupsFound, s.groupsExtracted)}`);
  console.log(`claims for reading (multi-outlet first): ${join(dir, 'claims-eval-claims.txt')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await printClaimsPolnear(process.argv[2] ?? join(process.env.HOME ?? '.', '.cache', 'polnear'));
