import { api, type StatementRow } from '../api.js';
import { CUE_ORDER, cueColor, kindColor } from '../charts/palette.js';
import { network } from '../charts/network.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, h, loading, timeRange } from './dom.js';
import { statementList } from './statements.js';
import { ALL_TIME, TIMELINE_LIMIT } from './timeline.js';

export interface ActorNode {
  id: string;
  name: string;
  kind: string;
  weight: number;
}

export interface ActorEdge {
  source: string;
  target: string;
  count: number;
  /** Dominant cue class of the statements behind the edge. */
  cue: string;
  statements: StatementRow[];
}

export const ROLE_SPEAKS = 'speaks';
export const ROLE_DISCUSSED = 'is talked about';
export const ROLE_BOTH = 'both';
export const ROLE_COLORS: Record<string, string> = { [ROLE_SPEAKS]: '#1f618d', [ROLE_DISCUSSED]: '#a04000', [ROLE_BOTH]: '#34495e' };

export interface NetworkFilter {
  from: string | null;
  to: string | null;
  source: string | null;
  cue: string | null;
  min: number;
}

/**
 * Folds statements into speaker -> target edges. Done in the browser from
 * the timeline's rows so every filter (window, source, cue class, minimum
 * count) is instant and the same rows back the click-through lists.
 */
export function buildNetwork(rows: readonly StatementRow[], f: NetworkFilter): { nodes: ActorNode[]; links: ActorEdge[] } {
  const from = f.from ? +new Date(`${f.from}T00:00:00Z`) : -Infinity;
  const to = f.to ? +new Date(`${f.to}T00:00:00Z`) : Infinity;
  const edges = new Map<string, ActorEdge & { cues: Map<string, number> }>();
  const names = new Map<string, string>();
  for (const s of rows) {
    if (!s.speakerId || !s.about?.length) continue;
    if (f.source && s.source !== f.source) continue;
    if (f.cue && s.cueClass !== f.cue) continue;
    if (f.from || f.to) {
      const r = timeRange(s.saidAt, s.saidAtPrecision);
      if (!r || +r[1] < from || +r[0] >= to) continue;
    }
    names.set(s.speakerId, s.speaker ?? s.speakerId);
    for (const t of s.about) {
      if (t.id === s.speakerId) continue;
      names.set(t.id, t.name);
      const key = `${s.speakerId}\u0000${t.id}`;
      let e = edges.get(key);
      if (!e) edges.set(key, (e = { source: s.speakerId, target: t.id, count: 0, cue: s.cueClass, statements: [], cues: new Map() }));
      e.count++;
      e.statements.push(s);
      const c = (e.cues.get(s.cueClass) ?? 0) + 1;
      e.cues.set(s.cueClass, c);
      if (c > (e.cues.get(e.cue) ?? 0)) e.cue = s.cueClass;
    }
  }
  const links = [...edges.values()].filter((e) => e.count >= f.min);
  const weight = new Map<string, number>();
  const speaks = new Set<string>();
  const discussed = new Set<string>();
  for (const e of links) {
    weight.set(e.source, (weight.get(e.source) ?? 0) + e.count);
    weight.set(e.target, (weight.get(e.target) ?? 0) + e.count);
    speaks.add(e.source);
    discussed.add(e.target);
  }
  const nodes = [...weight.entries()].map(([id, w]) => ({
    id,
    name: names.get(id) ?? id,
    kind: speaks.has(id) && discussed.has(id) ? ROLE_BOTH : speaks.has(id) ? ROLE_SPEAKS : ROLE_DISCUSSED,
    weight: w,
  }));
  return { nodes, links };
}

/**
 * Actor network view: speakers -> the actors their statements are about,
 * drawn on canvas. Filters, the selected actor and the selected edge are
 * URL parameters; `from`/`to` come from the timeline's window.
 */
export async function networkView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const p = ctx.route.params;
  root.append(h('h1', null, 'Actor network'));
  const fFrom = h('input', { type: 'date', id: 'nf-from', value: p.get('from') ?? '' });
  const fTo = h('input', { type: 'date', id: 'nf-to', value: p.get('to') ?? '' });
  const fSource = h('select', { id: 'nf-source' }, h('option', { value: '' }, 'all sources'));
  const fCue = h('select', { id: 'nf-cue' }, h('option', { value: '' }, 'all cue classes'), ...CUE_ORDER.map((c) => h('option', { value: c }, c)));
  fCue.value = p.get('cue') ?? '';
  const fMin = h('input', { type: 'number', id: 'nf-min', class: 'narrow', min: 1, step: 1, value: p.get('min') ?? '1' });
  const form = h(
    'form',
    { class: 'toolbar filters', 'aria-label': 'Network filters' },
    h('label', { for: 'nf-from' }, 'From '), fFrom,
    h('label', { for: 'nf-to' }, 'to '), fTo,
    h('label', { for: 'nf-source' }, 'Source '), fSource,
    h('label', { for: 'nf-cue' }, 'Cue '), fCue,
    h('label', { for: 'nf-min' }, 'Min. statements '), fMin,
  );
  const status = h('p', { class: 'status', role: 'status' });
  const host = h('div', { class: 'chart-host' }, loading('Loading statements'));
  const panel = h('aside', { class: 'panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Click an actor or an edge to see the statements behind it.'));
  const actorList = h('nav', { class: 'actor-index', 'aria-label': 'Actors in the network' });
  root.append(form, status, h('div', { class: 'split' }, h('div', null, host, actorList), panel));

  let rows: StatementRow[];
  try {
    rows = await api.timeline({ ...ALL_TIME, limit: TIMELINE_LIMIT }, ctx.signal);
  } catch (err) {
    host.replaceChildren(errorBox(err));
    return;
  }
  const sources = [...new Set(rows.map((r) => r.source).filter((s): s is string => !!s))].sort();
  for (const s of sources) fSource.append(h('option', { value: s }, s));
  fSource.value = p.get('source') ?? '';

  const width = Math.max(480, ctx.width() - 340);
  const chart = network<ActorNode, ActorEdge>()
    .nodeId((d) => d.id)
    .nodeLabel((d) => d.name)
    .nodeGroup((d) => d.kind)
    .nodeColor((k) => ROLE_COLORS[k] ?? kindColor('other'))
    .nodeWeight((d) => d.weight)
    .linkSource((d) => d.source)
    .linkTarget((d) => d.target)
    .linkCount((d) => d.count)
    .linkColorKey((d) => d.cue)
    .linkColor(cueColor)
    .linkLabel((d) => `${d.count} statement${d.count === 1 ? '' : 's'}, mostly ${d.cue}`)
    .nodeLegendTitle('Actors (size: statements)')
    .linkLegendTitle('Dominant cue')
    .title('Who talks about whom')
    .width(width)
    .height(520)
    .invalidation(ctx.invalidation);

  let current = { nodes: [] as ActorNode[], links: [] as ActorEdge[] };
  const byId = () => new Map(current.nodes.map((n) => [n.id, n]));

  function showActor(id: string) {
    const n = byId().get(id);
    chart.selected(id);
    ctx.setParams({ actor: id, edge: null });
    if (!n) return;
    const said = current.links.filter((e) => e.source === id).flatMap((e) => e.statements);
    const about = current.links.filter((e) => e.target === id).flatMap((e) => e.statements);
    panel.replaceChildren(
      h('h2', null, n.name),
      h('p', null, h('a', { href: href('actor', id) }, 'Open actor page')),
      h('h3', null, `Said (${new Set(said.map((s) => s.id)).size})`),
      statementList(dedupe(said), { limit: 30 }),
      h('h3', null, `Said about them (${about.length})`),
      statementList(about, { limit: 30 }),
    );
  }

  function showEdge(e: ActorEdge) {
    const names = byId();
    ctx.setParams({ edge: `${e.source}>${e.target}`, actor: null });
    panel.replaceChildren(
      h('h2', null, `${names.get(e.source)?.name ?? e.source} → ${names.get(e.target)?.name ?? e.target}`),
      h('p', null, `${e.count} statement${e.count === 1 ? '' : 's'}, mostly “${e.cue}”.`),
      statementList(e.statements, { limit: 50 }),
    );
  }

  chart.on('nodeclick', (d) => showActor(d.id)).on('linkclick', showEdge);

  function apply() {
    const f: NetworkFilter = {
      from: fFrom.value || null,
      to: fTo.value || null,
      source: fSource.value || null,
      cue: fCue.value || null,
      min: Math.max(1, Number(fMin.value) || 1),
    };
    current = buildNetwork(rows, f);
    ctx.setParams({ from: f.from, to: f.to, source: f.source, cue: f.cue, min: f.min > 1 ? String(f.min) : null });
    host.replaceChildren(chart(current));
    status.textContent = `${current.nodes.length} actors, ${current.links.length} edges from ${rows.length} statements.`;
    // A keyboard-reachable index of the canvas: the busiest actors as buttons.
    const top = [...current.nodes].sort((a, b) => b.weight - a.weight).slice(0, 40);
    actorList.replaceChildren(
      h('h2', { class: 'small' }, 'Actors'),
      h('ul', null, ...top.map((n) => h('li', null, h('button', { type: 'button', class: 'linkish', 'data-actor': n.id, onclick: () => showActor(n.id) }, `${n.name} (${n.weight})`)))),
    );
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  apply();
  const sel = p.get('actor');
  const edge = p.get('edge');
  if (sel) showActor(sel);
  else if (edge) {
    const [s, t] = edge.split('>');
    const e = current.links.find((l) => l.source === s && l.target === t);
    if (e) showEdge(e);
  }
}

function dedupe(rows: StatementRow[]): StatementRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
