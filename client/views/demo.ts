import type { StatementRow } from '../api.js';
import { CUE_ORDER, cueColor } from '../charts/palette.js';
import { EVENT_STYLES, eventColor, eventSymbol } from '../charts/palette.js';
import { timeline, type BandItem } from '../charts/timeline.js';
import type { ViewContext } from './context.js';
import { h, timeRange } from './dom.js';
import { actorNetworkChart, type ActorEdge, type ActorNode } from './network.js';
import { EMPTY_STATEMENT } from './timeline.js';

/**
 * Synthetic data for the benchmark and for trying the charts at scale:
 * `/?demo=network&n=2000&e=10000` and `/?demo=timeline&n=100000` (`&ev=2000`
 * adds that many events to the band above the lanes). Seeded, so
 * every run draws the same graph. Nothing is fetched.
 */
export function syntheticStatements(statements: number, actors: number, seed = 42): StatementRow[] {
  const rand = mulberry32(seed);
  const t0 = Date.UTC(2024, 0, 1);
  const span = 600 * 86_400_000;
  const precisions = ['day', 'day', 'day', 'day', 'day', 'day', 'week', 'month'];
  const rows: StatementRow[] = [];
  // Zipf-ish popularity: a few actors speak and are talked about a lot.
  const pick = () => Math.min(actors - 1, Math.floor(actors * Math.pow(rand(), 2.2)));
  for (let i = 0; i < statements; i++) {
    const sp = pick();
    let tg = pick();
    if (tg === sp) tg = (tg + 1) % actors;
    const precision = precisions[Math.floor(rand() * precisions.length)]!;
    const saidAt = new Date(t0 + Math.floor(rand() * span)).toISOString().slice(0, 10);
    const cueClass = CUE_ORDER[Math.floor(rand() * CUE_ORDER.length)]!;
    rows.push({
      ...EMPTY_STATEMENT,
      id: `stm_demo_${i}`,
      content: `Synthetic statement ${i}`,
      direct: rand() < 0.4,
      cue: cueClass,
      cueClass,
      saidAt,
      saidAtPrecision: precision,
      speakerId: `act_${sp}`,
      speaker: `Actor ${sp}`,
      about: [{ id: `act_${tg}`, name: `Actor ${tg}` }],
      articleTitle: `Article ${i % 997}`,
      source: `Source ${i % 12}`,
    });
  }
  return rows;
}

/** Synthetic events over the same 600 days as the statements: a fifth known only to the week. */
export function syntheticEvents(n: number, seed = 11): BandItem[] {
  const rand = mulberry32(seed);
  const t0 = Date.UTC(2024, 0, 1);
  const types = Object.keys(EVENT_STYLES);
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(t0 + Math.floor(rand() * 600) * 86_400_000);
    const type = types[Math.floor(rand() * types.length)]!;
    return {
      id: `evt_demo_${i}`, start, end: rand() < 0.2 ? new Date(+start + 7 * 86_400_000) : null, key: type,
      label: `Event ${i}`, lines: [`Event ${i}`, `type: ${type}`, start.toISOString().slice(0, 10)],
    };
  });
}

/** A synthetic network with exactly n actors and about e distinct edges. */
export function syntheticNetwork(n: number, e: number, seed = 7): { nodes: ActorNode[]; links: ActorEdge[] } {
  const rand = mulberry32(seed);
  const links = new Map<string, ActorEdge>();
  const pick = () => Math.min(n - 1, Math.floor(n * Math.pow(rand(), 1.6)));
  let guard = 0;
  while (links.size < e && guard++ < e * 20) {
    const s = pick();
    const t = Math.floor(rand() * n);
    if (s === t) continue;
    const key = `${s}>${t}`;
    const ex = links.get(key);
    if (ex) ex.count++;
    else links.set(key, { source: `act_${s}`, target: `act_${t}`, count: 1 + Math.floor(rand() * rand() * 8), cue: CUE_ORDER[Math.floor(rand() * 6)]! });
  }
  const weight = new Map<string, number>();
  for (const l of links.values()) {
    weight.set(l.source, (weight.get(l.source) ?? 0) + l.count);
    weight.set(l.target, (weight.get(l.target) ?? 0) + l.count);
  }
  const kinds = ['person', 'person', 'person', 'organization', 'country', 'media', 'group'];
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `act_${i}`, name: `Actor ${i}`, kind: kinds[i % kinds.length]!, weight: weight.get(`act_${i}`) ?? 1 }));
  return { nodes, links: [...links.values()] };
}

/** Mounts a demo chart; the element gets data-ready once drawn so a benchmark can start measuring. */
export function demoView(root: HTMLElement, ctx: ViewContext, which: string, params: URLSearchParams): void {
  const n = Math.max(1, Number(params.get('n')) || (which === 'timeline' ? 100_000 : 2000));
  if (which === 'timeline') {
    const rows = syntheticStatements(n, Math.max(20, Math.round(n / 200)));
    root.append(h('h1', null, `Demo: timeline with ${n} synthetic statements`));
    const chart = timeline<StatementRow>()
      .id((d) => d.id)
      .start((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[0] ?? null)
      .end((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[1] ?? null)
      .lane((d) => d.speakerId ?? '')
      .laneLabel((k) => k.replace('act_', 'Actor '))
      .colorKey((d) => d.cueClass)
      .color(cueColor)
      .legendTitle('Cue')
      .describe((d) => [d.speaker ?? '', d.content, d.saidAt ?? ''])
      .band(syntheticEvents(Math.max(0, Number(params.get('ev')) || 0)))
      .bandColor(eventColor)
      .bandSymbol(eventSymbol)
      .width(Math.max(600, ctx.width()));
    const el = chart(rows);
    root.append(el);
    el.dataset.ready = 'true';
    return;
  }
  const e = Math.max(0, Number(params.get('e')) || n * 5);
  const data = syntheticNetwork(n, e);
  root.append(h('h1', null, `Demo: network with ${data.nodes.length} actors and ${data.links.length} edges`));
  const chart = actorNetworkChart()
    .nodeLegendTitle('Actors')
    .linkLegendTitle('Dominant cue')
    .width(Math.max(600, ctx.width()))
    .height(700)
    .invalidation(ctx.invalidation);
  const el = chart(data);
  root.append(el);
  el.dataset.ready = 'true';
}

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
