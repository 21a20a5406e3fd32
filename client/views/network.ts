import { api, type MetWithResponse, type NetworkResponse } from '../api.js';
import { egoNetwork } from './network-focus.js';
import { CUE_ORDER, cueColor, kindColor } from '../charts/palette.js';
import { network } from '../charts/network.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, h, isoDay, loading, timeRange } from './dom.js';
import { timeline } from '../charts/timeline.js';
import { bucketRows, TIMELINE_LIMIT } from './timeline.js';
import type { StatementRow } from '../api.js';
import { statementList } from './statements.js';
import { eventLabel } from './event.js';

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
}

/** A "met with" edge: two actors who took part in the same events (undirected). */
export type MetWithEdge = MetWithResponse['edges'][number];

export interface NetworkFilter {
  from: string | null;
  to: string | null;
  source: string | null;
  cue: string | null;
  min: number;
  /** Show "met with" edges (URL `met=1`). */
  met: boolean;
}

/**
 * The chart's data with the met-with answer folded in: actors who only meet
 * (no statement edge in the window) join as nodes of weight 1, so every
 * met-with edge has both ends drawn.
 */
export function withMetWith(data: { nodes: ActorNode[]; links: ActorEdge[] }, met: MetWithResponse | null): { nodes: ActorNode[]; links: ActorEdge[] } {
  if (!met) return data;
  const have = new Set(data.nodes.map((n) => n.id));
  const extra = met.nodes.filter((n) => !have.has(n.id)).map((n) => ({ id: n.id, name: n.name, kind: n.kind, weight: 1 }));
  return extra.length ? { nodes: [...data.nodes, ...extra], links: data.links } : data;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Nodes and edges of the chart from the API's network answer; the dominant cue class colours an edge. */
export function fromResponse(res: NetworkResponse): { nodes: ActorNode[]; links: ActorEdge[] } {
  const links = res.edges.map((e) => ({
    source: e.source,
    target: e.target,
    count: e.count,
    cue: Object.entries(e.byCueClass).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other',
  }));
  const nodes = res.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, weight: Math.max(1, n.said + n.about) }));
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
  const fMet = h('input', { type: 'checkbox', id: 'nf-met' });
  fMet.checked = p.get('met') === '1';
  const form = h(
    'form',
    { class: 'toolbar filters', 'aria-label': 'Network filters' },
    h('label', { for: 'nf-from' }, 'From '), fFrom,
    h('label', { for: 'nf-to' }, 'to '), fTo,
    h('label', { for: 'nf-source' }, 'Source '), fSource,
    h('label', { for: 'nf-cue' }, 'Cue '), fCue,
    h('label', { for: 'nf-min' }, 'Min. statements '), fMin,
    h('span', { class: 'check' }, fMet, h('label', { for: 'nf-met' }, ' Show met-with edges')),
  );
  const status = h('p', { class: 'status', role: 'status' });
  const host = h('div', { class: 'chart-host' }, loading('Loading statements'));
  const panel = h('aside', { class: 'panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Click an actor or an edge to see the statements behind it.'));
  const actorList = h('nav', { class: 'actor-index', 'aria-label': 'Actors in the network' });
  const metList = h('nav', { class: 'actor-index met-index', 'aria-label': 'Met-with pairs' });
  const brushHost = h('div', { class: 'chart-host network-brush', 'aria-label': 'Time window' });
  // Focus on one actor (ego network, 1 or 2 hops): `focus` and `hops` in the URL, reached from the actor page.
  let focus: string | null = p.get('focus');
  let hops: 1 | 2 = p.get('hops') === '2' ? 2 : 1;
  const focusBar = h('div', { class: 'toolbar focus-bar', role: 'group', 'aria-label': 'Focus on one actor' });
  root.append(form, brushHost, focusBar, status, h('div', { class: 'split' }, h('div', null, host, actorList, metList), panel));
  const setFocus = (id: string | null, n: 1 | 2 = hops) => {
    focus = id;
    hops = n;
    ctx.setParams({ focus: id, hops: id && n === 2 ? '2' : null });
    void apply();
  };
  function drawFocusBar() {
    if (!focus) {
      focusBar.replaceChildren();
      return;
    }
    const name = current.nodes.find((n) => n.id === focus)?.name ?? focus;
    const hopBtn = (n: 1 | 2) =>
      h('button', { type: 'button', class: hops === n ? 'primary' : '', 'aria-pressed': String(hops === n), onclick: () => setFocus(focus, n) }, n === 1 ? '1 hop' : '2 hops');
    focusBar.replaceChildren(h('strong', null, `Around ${name}: `), hopBtn(1), hopBtn(2), h('button', { type: 'button', class: 'linkish', onclick: () => setFocus(null) }, 'Show everyone'));
  }

  /** Why the canvas is empty, with what would fill it. */
  async function explainEmpty(): Promise<HTMLElement> {
    const why: string[] = [];
    if (focus) why.push(`no statement by or about this actor${hops === 2 ? ' or its neighbours' : ''}`);
    if (filter.from || filter.to) why.push(`in the window ${filter.from ?? '…'} to ${filter.to ?? '…'}`);
    if (filter.source) why.push(`from ${filter.source}`);
    if (filter.cue) why.push(`with cue class ${filter.cue}`);
    let busiest = '';
    if (filter.min > 1) {
      why.push(`with at least ${filter.min} statements between two actors`);
      const top = await api.network({ ...windowOpts(), actor: focus ? [focus] : undefined, minCount: 1, limit: 1 }, ctx.signal).catch(() => null);
      const n = top?.edges[0]?.count ?? 0;
      busiest = n > 0 ? ` The busiest pair here has ${plural(n, 'statement')}: lower “Min. statements” to ${n} or less.` : '';
    }
    return h('div', { class: 'empty-explanation', role: 'status' },
      h('p', null, `No actors to draw: no speaker talks about another ${why.length ? why.join(', ') : 'in the graph yet'}.${busiest}`),
      h('p', { class: 'muted' }, 'Widen the time window, choose all sources or cue classes, or add articles.'));
  }

  void api.sources(ctx.signal).then(
    (res) => {
      for (const src of res.items) fSource.append(h('option', { value: src.name }, src.name));
      fSource.value = p.get('source') ?? '';
    },
    () => undefined,
  );

  const width = Math.max(480, ctx.width() - 340);
  const chart = actorNetworkChart()
    .linkLabel((d) => `${d.count} statement${d.count === 1 ? '' : 's'}, mostly ${d.cue}`)
    .nodeLegendTitle('Actor kind (size: statements)')
    .linkLegendTitle('Dominant cue')
    .title('Who talks about whom')
    .width(width)
    .height(520)
    .invalidation(ctx.invalidation);

  let current = { nodes: [] as ActorNode[], links: [] as ActorEdge[] };
  let metWith: MetWithResponse | null = null;
  let filter = readFilter();
  const byId = () => new Map(current.nodes.map((n) => [n.id, n]));
  const windowOpts = () => ({ from: filter.from, to: filter.to, source: filter.source, cueClass: filter.cue });

  function readFilter(): NetworkFilter {
    return {
      from: fFrom.value || null,
      to: fTo.value || null,
      source: fSource.value || p.get('source') || null,
      cue: fCue.value || null,
      min: Math.max(1, Number(fMin.value) || 1),
      met: fMet.checked,
    };
  }

  async function showActor(id: string) {
    const n = byId().get(id);
    chart.selected(id);
    ctx.setParams({ actor: id, edge: null, pair: null });
    panel.replaceChildren(h('h2', null, n?.name ?? id), loading('Loading statements'));
    try {
      const [said, about] = await Promise.all([
        api.statements({ ...windowOpts(), speaker: [id], limit: 100 }, ctx.signal),
        api.statements({ ...windowOpts(), about: [id], limit: 100 }, ctx.signal),
      ]);
      panel.replaceChildren(
        h('h2', null, n?.name ?? id),
        h('p', null, h('a', { href: href('actor', id) }, 'Open actor page'), ' · ',
          h('button', { type: 'button', class: 'linkish focus-on', onclick: () => setFocus(id) }, 'Focus on this actor')),
        h('h3', null, `Said (${said.total})`),
        statementList(said.items, { limit: 30 }),
        h('h3', null, `Said about them (${about.total})`),
        statementList(about.items, { limit: 30 }),
      );
    } catch (err) {
      panel.append(errorBox(err));
    }
  }

  async function showEdge(e: ActorEdge) {
    const names = byId();
    ctx.setParams({ edge: `${e.source}>${e.target}`, actor: null, pair: null });
    const title = `${names.get(e.source)?.name ?? e.source} → ${names.get(e.target)?.name ?? e.target}`;
    panel.replaceChildren(h('h2', null, title), loading('Loading statements'));
    try {
      const rows = await api.statements({ ...windowOpts(), speaker: [e.source], about: [e.target], limit: 100 }, ctx.signal);
      panel.replaceChildren(
        h('h2', null, title),
        h('p', null, `${e.count} statement${e.count === 1 ? '' : 's'}, mostly “${e.cue}”.`),
        statementList(rows.items, { limit: 50 }),
      );
    } catch (err) {
      panel.append(errorBox(err));
    }
  }

  /** A met-with edge: the events both actors took part in (each links to its page). */
  function showPair(e: MetWithEdge) {
    const names = byId();
    ctx.setParams({ pair: `${e.source},${e.target}`, actor: null, edge: null });
    const a = names.get(e.source)?.name ?? e.source;
    const b = names.get(e.target)?.name ?? e.target;
    panel.replaceChildren(
      h('h2', null, `${a} — ${b}`),
      h('p', null, `Took part in ${plural(e.count, 'event')} together${e.firstAt ? `, ${e.firstAt === e.lastAt ? e.firstAt : `${e.firstAt} to ${e.lastAt}`}` : ''}.`),
      h(
        'ul',
        { class: 'met-events' },
        ...e.events.map((ev) =>
          h('li', null, h('a', { href: href('event', ev.id) }, eventLabel({ name: ev.name, type: ev.type, participants: [{ id: e.source, name: a }, { id: e.target, name: b }] })), ` (${ev.type}${ev.date ? `, ${ev.date}` : ''})`),
        ),
      ),
    );
  }

  const metLabel = (e: MetWithEdge) => {
    const names = byId();
    return `${names.get(e.source)?.name ?? e.source} — ${names.get(e.target)?.name ?? e.target}`;
  };

  chart.on('nodeclick', (d) => void showActor(d.id)).on('linkclick', (e) => void showEdge(e));

  let seq = 0;
  async function apply() {
    const mine = ++seq;
    filter = readFilter();
    ctx.setParams({
      from: filter.from, to: filter.to, source: filter.source, cue: filter.cue, min: filter.min > 1 ? String(filter.min) : null, met: filter.met ? '1' : null,
    });
    let res: NetworkResponse;
    let met: MetWithResponse | null = null;
    try {
      // Met-with edges follow the window and the source; cue class and minimum count are about statements.
      [res, met] = await Promise.all([
        focus
          ? egoNetwork(focus, hops, { ...windowOpts(), minCount: filter.min }, ctx.signal)
          : api.network({ ...windowOpts(), minCount: filter.min, limit: 5000 }, ctx.signal),
        filter.met ? api.metWith({ from: filter.from, to: filter.to, source: filter.source }, ctx.signal) : Promise.resolve(null),
      ]);
    } catch (err) {
      if (mine === seq) host.replaceChildren(errorBox(err));
      return;
    }
    // A later filter change has already asked again: this answer is stale.
    if (mine !== seq) return;
    metWith = met;
    current = withMetWith(fromResponse(res), met);
    chart.overlay<MetWithEdge>(
      met
        ? {
            links: met.edges,
            source: (e) => e.source,
            target: (e) => e.target,
            label: (e) => `Met with: ${metLabel(e)}, ${plural(e.count, 'shared event')}`,
            legendLabel: 'met with (same event)',
            onClick: (e) => showPair(e),
          }
        : null,
    );
    drawFocusBar();
    if (current.nodes.length === 0) {
      const note = await explainEmpty();
      if (mine === seq) host.replaceChildren(note);
    } else host.replaceChildren(chart(current));
    status.textContent =
      `${current.nodes.length} actors, ${current.links.length} edges${res.truncated ? ' (the heaviest 5,000 edges)' : ''}` +
      `${met ? `, ${plural(met.edges.length, 'met-with pair')}${met.truncated ? ' (the 5,000 with most shared events)' : ''}` : ''}.`;
    metList.replaceChildren(
      ...(met
        ? [
            h('h2', { class: 'small' }, 'Met with'),
            met.edges.length === 0
              ? h('p', { class: 'muted' }, 'No two actors took part in the same event in this window.')
              : h('ul', { class: 'actor-buttons' }, ...met.edges.slice(0, 40).map((e) =>
                  h('li', null, h('button', { type: 'button', class: 'linkish', 'data-pair': `${e.source},${e.target}`, onclick: () => showPair(e) }, `${metLabel(e)} (${e.count})`)),
                )),
          ]
        : []),
    );
    // A keyboard-reachable index of the canvas: the busiest actors as buttons.
    const top = [...current.nodes].sort((a, b) => b.weight - a.weight).slice(0, 40);
    actorList.replaceChildren(
      h('h2', { class: 'small' }, 'Actors'),
      h('ul', { class: 'actor-buttons' }, ...top.map((n) => h('li', null, h('button', { type: 'button', class: 'linkish', 'data-actor': n.id, onclick: () => void showActor(n.id) }, `${n.name} (${n.weight})`)))),
    );
  }
  // The time window: the same timeline chart, one lane, its brush linked to the From/To filters.
  void api.timeline({ limit: TIMELINE_LIMIT }, ctx.signal).then(
    (res) => {
      const rows = res.mode === 'statements' ? res.statements : bucketRows(res);
      const brush = timeline<StatementRow>()
        .id((d) => d.id)
        .start((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[0] ?? null)
        .end((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[1] ?? null)
        .lane(() => 'all')
        .laneLabel(() => `${res.total} statements`)
        .colorKey((d) => d.cueClass)
        .color(cueColor)
        .legendTitle('Cue')
        .title('Time window of the network')
        .laneHeight(22)
        .width(Math.max(600, ctx.width()))
        .describe((d) => [`${d.speaker ?? 'unknown'} (${d.cue})`, d.content])
        .on('window', (w) => {
          fFrom.value = w ? isoDay(w[0]) : '';
          fTo.value = w ? isoDay(w[1]) : '';
          void apply();
        });
      if (fFrom.value && fTo.value) brush.window([new Date(`${fFrom.value}T00:00:00Z`), new Date(`${fTo.value}T00:00:00Z`)]);
      brushHost.replaceChildren(brush(rows));
    },
    () => brushHost.replaceChildren(),
  );

  form.addEventListener('change', () => void apply());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });
  await apply();
  const sel = p.get('actor');
  const edge = p.get('edge');
  const pair = p.get('pair');
  if (sel) void showActor(sel);
  else if (pair) {
    // Set by apply(), which TypeScript cannot see from here.
    const [a, b] = pair.split(',');
    const e = (metWith as MetWithResponse | null)?.edges.find((x) => (x.source === a && x.target === b) || (x.source === b && x.target === a));
    if (e) showPair(e);
  }
  else if (edge) {
    const [s, t] = edge.split('>');
    const e = current.links.find((l) => l.source === s && l.target === t);
    if (e) void showEdge(e);
  }
}

/** The network chart bound to actor nodes and speaker -> target edges (shared by the view and the demo page). */
export function actorNetworkChart() {
  return network<ActorNode, ActorEdge>()
    .nodeId((d) => d.id)
    .nodeLabel((d) => d.name)
    .nodeGroup((d) => d.kind)
    .nodeColor(kindColor)
    .nodeWeight((d) => d.weight)
    .linkSource((d) => d.source)
    .linkTarget((d) => d.target)
    .linkCount((d) => d.count)
    .linkColorKey((d) => d.cue)
    .linkColor(cueColor);
}
