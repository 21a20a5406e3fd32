import { schemeTableau10 } from 'd3';
import { api, type CypherResponse } from '../api.js';
import { network } from '../charts/network.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, h } from './dom.js';

/**
 * A console result the way Neo4j Browser shows one: nodes, relationships and
 * paths as a graph by default (Graph | Table tabs), a property panel for the
 * clicked node or relationship with a link to its page, double-click (or the
 * panel's button) to add a node's neighbours, node captions chosen per label,
 * readable table cells, and the result exported as CSV or JSON.
 */

/** Labels the app's pages and the expansion query know (a label is never taken from a result into Cypher text unless listed). */
export const DOMAIN_LABELS = ['Source', 'Article', 'Actor', 'Statement', 'Claim', 'Event'] as const;

/** The property shown on a node of each label until the user picks another. */
const DEFAULT_CAPTION: Record<string, string> = {
  Source: 'name', Article: 'title', Actor: 'name', Statement: 'content', Claim: 'text', Event: 'name',
};

/** Neighbours added by one expansion; more are left for another query. */
export const EXPAND_LIMIT = 50;
const EXPAND_QUERY = (label: string) => `MATCH (n:\`${label}\` {id: $id})-[r]-(m) RETURN n, r, m LIMIT ${EXPAND_LIMIT}`;

interface Item {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}
interface Rel {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}
interface GNode {
  id: string;
  label: string;
  group: string;
}
interface GLink {
  id: string;
  source: string;
  target: string;
  type: string;
}

/** The nodes and relationships of a result, by id, from the server's graph form or else from the rows. */
export class ResultGraph {
  readonly nodes = new Map<string, Item>();
  readonly rels = new Map<string, Rel>();

  add(res: CypherResponse): number {
    const before = this.nodes.size + this.rels.size;
    if (res.graph) {
      for (const n of res.graph.nodes) this.nodes.set(n.id, { id: n.id, labels: n.labels, props: n.properties });
      for (const r of res.graph.relationships) {
        if (r.start !== null && r.end !== null) this.rels.set(r.id, { id: r.id, type: r.type, source: r.start, target: r.end, props: r.properties });
      }
    } else {
      for (const row of res.rows) for (const v of Object.values(row)) this.visit(v, 0);
    }
    return this.nodes.size + this.rels.size - before;
  }

  private visit(v: unknown, depth: number): void {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => this.visit(x, depth + 1));
    if (isRel(v)) {
      const { _id, _type, _source, _target, ...props } = v;
      this.rels.set(_id, { id: _id, type: _type, source: _source, target: _target, props });
      return;
    }
    if (isNode(v)) {
      const { _id, _labels, ...props } = v;
      this.nodes.set(_id, { id: _id, labels: _labels, props });
      return;
    }
    const p = v as { nodes?: unknown; edges?: unknown };
    if (Array.isArray(p.nodes)) this.visit(p.nodes, depth + 1);
    if (Array.isArray(p.edges)) this.visit(p.edges, depth + 1);
  }

  /** Relationships whose both ends are in the graph. */
  links(): Rel[] {
    return [...this.rels.values()].filter((r) => this.nodes.has(r.source) && this.nodes.has(r.target));
  }
}

export function isNode(v: unknown): v is Record<string, unknown> & { _id: string; _labels: string[] } {
  return typeof v === 'object' && v !== null && '_id' in v && Array.isArray((v as { _labels?: unknown })._labels);
}
export function isRel(v: unknown): v is Record<string, unknown> & { _id: string; _source: string; _target: string; _type: string } {
  return typeof v === 'object' && v !== null && '_type' in v && '_source' in v && '_target' in v;
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A node's caption: the chosen property of its first label, else a name-like property, else its id. */
export function captionOf(item: Item, captions: Map<string, string>): string {
  const label = item.labels[0] ?? '';
  const key = captions.get(label) ?? DEFAULT_CAPTION[label];
  const v = (key ? item.props[key] : undefined) ?? item.props.name ?? item.props.title ?? item.props.text ?? item.props.content ?? item.props.id ?? item.id;
  return short(typeof v === 'string' ? v : JSON.stringify(v));
}

/** A cell as a person reads it: a node as "Label · caption", a relationship as its type, a path as its steps, a list by its items. */
export function cellText(v: unknown, captions = new Map<string, string>()): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) {
    const { _id, _labels, ...props } = v;
    return `${_labels.join(':') || 'node'} · ${captionOf({ id: _id, labels: _labels, props }, captions)}`;
  }
  if (isRel(v)) return `[:${v._type}]`;
  if (Array.isArray(v)) return `[${v.map((x) => cellText(x, captions)).join(', ')}]`;
  const p = v as { nodes?: unknown; edges?: unknown };
  if (Array.isArray(p.nodes) && Array.isArray(p.edges)) {
    const nodes = p.nodes.map((n) => cellText(n, captions));
    const edges = p.edges.map((e) => cellText(e, captions));
    return nodes.map((n, i) => (i < edges.length ? `(${n})-${edges[i]}-` : `(${n})`)).join('');
  }
  return JSON.stringify(v);
}

/** CSV of the table: one column per RETURN column, cells as the table shows them, quoted per RFC 4180. */
export function resultCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [columns.map(quote).join(',')];
  for (const r of rows) lines.push(columns.map((c) => quote(r[c] === null || r[c] === undefined ? '' : cellText(r[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function download(name: string, type: string, body: string): HTMLAnchorElement {
  const a = h('a', { class: 'button', download: name, href: URL.createObjectURL(new Blob([body], { type })) }, name.endsWith('.csv') ? 'Export CSV' : 'Export JSON');
  return a;
}

/** The page a node stands for, when the app has one (a statement opens in its article). */
async function pageOf(item: Item, signal: AbortSignal): Promise<string | null> {
  const id = typeof item.props.id === 'string' ? item.props.id : null;
  if (!id) return null;
  const label = item.labels[0];
  if (label === 'Actor') return href('actor', id);
  if (label === 'Article') return href('article', id);
  if (label === 'Claim') return href('claim', id);
  if (label === 'Event') return href('event', id);
  if (label === 'Statement') {
    const res = await api.cypher('MATCH (a:Article)-[:CONTAINS]->(s:Statement {id: $id}) RETURN a.id AS article LIMIT 1', { id }, signal);
    const article = res.rows[0]?.article;
    return typeof article === 'string' ? href('article', article, { s: id }) : null;
  }
  return null;
}

export function renderResult(res: CypherResponse, ctx: ViewContext, width: number): HTMLElement[] {
  const columns = res.columns?.length ? res.columns : Object.keys(res.rows[0] ?? {});
  const graph = new ResultGraph();
  graph.add(res);
  const captions = new Map<string, string>();
  const tableBody = h('tbody');
  const fillTable = () =>
    tableBody.replaceChildren(...res.rows.map((r) => h('tr', null, ...columns.map((c) => h('td', { title: typeof r[c] === 'object' && r[c] !== null ? JSON.stringify(r[c]) : null }, cellText(r[c], captions))))));
  fillTable();
  const table = h('div', { class: 'table-wrap', role: 'tabpanel', id: 'result-table' },
    h('table', { class: 'result-table' }, h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))), tableBody));
  const exports = h('div', { class: 'toolbar result-export' },
    download('result.csv', 'text/csv', resultCsv(columns, res.rows)),
    download('result.json', 'application/json', `${JSON.stringify({ columns, rows: res.rows }, null, 2)}\n`));
  if (graph.nodes.size === 0) return [exports, table];

  const panel = h('aside', { class: 'panel result-panel', 'aria-live': 'polite', id: 'result-panel' }, h('p', { class: 'muted' }, 'Click a node or relationship to see its properties; double-click a node to add its neighbours.'));
  const captionBar = h('div', { class: 'toolbar result-captions' });
  const canvasBox = h('div', { class: 'result-graph-canvas' });
  const heading = h('h2', { class: 'small' });
  const graphPanel = h('section', { class: 'result-graph', role: 'tabpanel', id: 'result-graph' }, heading, captionBar, h('div', { class: 'result-graph-body' }, canvasBox, panel));
  const messages = h('div', { class: 'result-messages', 'aria-live': 'assertive' });

  const propsTable = (props: Record<string, unknown>) =>
    h('table', { class: 'props' }, h('tbody', null, ...Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) =>
      h('tr', null, h('th', { scope: 'row' }, k), h('td', null, typeof v === 'string' ? v : JSON.stringify(v))))));

  const showNode = (item: Item) => {
    const open = h('p', null);
    const expand = h('button', { type: 'button', class: 'expand' }, 'Add neighbours');
    expand.addEventListener('click', () => void expandNode(item));
    panel.replaceChildren(h('h3', null, `${item.labels.join(':') || 'node'} · ${captionOf(item, captions)}`), propsTable(item.props), h('div', { class: 'toolbar' }, expand), open);
    void pageOf(item, ctx.signal).then((url) => {
      if (url) open.replaceChildren(h('a', { href: url }, `Open this ${(item.labels[0] ?? 'node').toLowerCase()}'s page`));
    }, () => {});
  };
  const showRel = (rel: Rel) => {
    const a = graph.nodes.get(rel.source);
    const b = graph.nodes.get(rel.target);
    panel.replaceChildren(
      h('h3', null, `[:${rel.type}]`),
      h('p', null, `${a ? captionOf(a, captions) : rel.source} → ${b ? captionOf(b, captions) : rel.target}`),
      propsTable(rel.props),
    );
  };

  async function expandNode(item: Item) {
    const label = item.labels.find((l) => (DOMAIN_LABELS as readonly string[]).includes(l));
    const id = typeof item.props.id === 'string' ? item.props.id : null;
    if (!label || !id) {
      messages.replaceChildren(errorBox({ code: 'BAD_INPUT', message: 'Only nodes of the graph model with an id can be expanded.' }));
      return;
    }
    try {
      const more = await api.cypher(EXPAND_QUERY(label), { id }, ctx.signal);
      const added = graph.add(more);
      messages.replaceChildren(h('p', { class: 'muted', role: 'status' }, added > 0 ? `Added ${added} nodes and relationships around ${captionOf(item, captions)}.` : `Nothing new around ${captionOf(item, captions)}.`));
      draw();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') messages.replaceChildren(errorBox(err));
    }
  }

  const drawCaptions = () => {
    const labels = [...new Set([...graph.nodes.values()].map((n) => n.labels[0] ?? 'node'))].sort();
    captionBar.replaceChildren(...labels.map((label) => {
      const keys = [...new Set([...graph.nodes.values()].filter((n) => (n.labels[0] ?? 'node') === label).flatMap((n) => Object.keys(n.props)))].sort();
      const current = captions.get(label) ?? DEFAULT_CAPTION[label] ?? keys[0] ?? '';
      const select = h('select', { 'aria-label': `Caption of ${label} nodes`, 'data-label': label }, ...keys.map((k) => {
        const o = h('option', { value: k }, k);
        o.selected = k === current;
        return o;
      }));
      select.addEventListener('change', () => {
        captions.set(label, select.value);
        fillTable();
        draw();
      });
      return h('label', { class: 'caption-choice' }, `${label}: `, select);
    }));
  };

  function draw() {
    const items = [...graph.nodes.values()];
    const links = graph.links();
    const degree = new Map<string, number>();
    for (const l of links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const groups = [...new Set(items.map((n) => n.labels[0] ?? 'node'))].sort();
    const data = {
      nodes: items.map((n): GNode => ({ id: n.id, label: captionOf(n, captions), group: n.labels[0] ?? 'node' })),
      links: links.map((l): GLink => ({ id: l.id, source: l.source, target: l.target, type: l.type })),
    };
    const chart = network<GNode, GLink>()
      .nodeId((d) => d.id)
      .nodeLabel((d) => d.label)
      .nodeGroup((d) => d.group)
      .nodeWeight((d) => 1 + (degree.get(d.id) ?? 0))
      .nodeColor((k) => schemeTableau10[groups.indexOf(k) % 10] ?? '#456')
      .linkSource((d) => d.source)
      .linkTarget((d) => d.target)
      .linkColorKey((d) => d.type)
      .linkColor((k) => ({ SAID: '#2e86c1', ABOUT: '#c0392b', CONTAINS: '#95a5a6', PUBLISHED: '#7d6608', MENTIONS: '#bbbbbb' })[k] ?? '#888')
      .linkLabel((d) => d.type)
      .nodeLegendTitle('Labels')
      .linkLegendTitle('Relationships')
      .title('Query result graph')
      .width(Math.max(360, width - 300))
      .height(420)
      .invalidation(ctx.invalidation)
      .on('nodeclick', (d) => {
        const item = graph.nodes.get(d.id);
        if (item) showNode(item);
      })
      .on('linkclick', (d) => {
        const rel = graph.rels.get(d.id);
        if (rel) showRel(rel);
      })
      .on('nodedblclick', (d) => {
        const item = graph.nodes.get(d.id);
        if (item) void expandNode(item);
      });
    heading.textContent = `Graph: ${data.nodes.length} nodes, ${data.links.length} relationships`;
    graphPanel.dataset.nodes = String(data.nodes.length);
    drawCaptions();
    canvasBox.replaceChildren(chart(data));
  }
  draw();

  // Graph first, as Neo4j Browser does; the table one click away.
  const tabGraph = h('button', { type: 'button', role: 'tab', 'aria-controls': 'result-graph', 'aria-selected': 'true', id: 'tab-graph' }, 'Graph');
  const tabTable = h('button', { type: 'button', role: 'tab', 'aria-controls': 'result-table', 'aria-selected': 'false', id: 'tab-table' }, 'Table');
  const show = (which: 'graph' | 'table') => {
    graphPanel.hidden = which !== 'graph';
    table.hidden = which !== 'table';
    tabGraph.setAttribute('aria-selected', String(which === 'graph'));
    tabTable.setAttribute('aria-selected', String(which === 'table'));
  };
  tabGraph.addEventListener('click', () => show('graph'));
  tabTable.addEventListener('click', () => show('table'));
  show('graph');
  return [h('div', { class: 'result-bar' }, h('div', { class: 'toolbar result-tabs', role: 'tablist', 'aria-label': 'Result view' }, tabGraph, tabTable), exports), messages, graphPanel, table];
}
