import { api, type CypherResponse } from '../api.js';
import { network } from '../charts/network.js';
import { schemeTableau10 } from 'd3';
import type { ViewContext } from './context.js';
import { cypherEditor } from './cypher-editor.js';
import { h } from './dom.js';
import { writeErrorBox } from './token.js';

/** Example queries; each is read-only and runs on both backends. */
export const EXAMPLES: { title: string; query: string }[] = [
  { title: 'Article titles', query: 'MATCH (a:Article) RETURN a.title ORDER BY a.title' },
  {
    title: 'Everything Macron said about Ukraine',
    query: "MATCH (p:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor)\nWHERE p.name CONTAINS 'Macron' AND t.name CONTAINS 'Ukraine'\nRETURN p.name AS speaker, s.cue AS cue, s.content AS content, s.saidAt AS saidAt",
  },
  {
    title: 'Who accused or warned whom (graph)',
    query: "MATCH (p:Actor)-[r1:SAID]->(s:Statement)-[r2:ABOUT]->(t:Actor)\nWHERE s.cueClass IN ['accuse', 'warn', 'criticize']\nRETURN p, r1, s, r2, t LIMIT 200",
  },
  {
    title: 'Who talks about whom (graph)',
    query: 'MATCH (p:Actor)-[r1:SAID]->(s:Statement)-[r2:ABOUT]->(t:Actor)\nRETURN p, r1, s, r2, t LIMIT 300',
  },
  {
    title: 'Claims carried by 3 or more sources',
    query: 'MATCH (c:Claim)<-[:INSTANCE_OF]-(:Statement)<-[:CONTAINS]-(:Article)<-[:PUBLISHED]-(src:Source)\nWITH c, count(DISTINCT src) AS sources\nWHERE sources >= 3\nRETURN c.text AS claim, sources, c.firstSeen AS firstSeen ORDER BY sources DESC',
  },
  {
    title: 'Most quoted speakers',
    query: 'MATCH (p:Actor)-[:SAID]->(s:Statement)\nRETURN p.name AS speaker, count(s) AS statements ORDER BY statements DESC LIMIT 20',
  },
  {
    title: 'Statements with their source',
    query: 'MATCH (src:Source)-[:PUBLISHED]->(a:Article)-[:CONTAINS]->(s:Statement)\nRETURN src.name AS source, a.title AS article, s.content AS statement LIMIT 50',
  },
];

const MODEL = {
  labels: ['Source', 'Article', 'Actor', 'Statement', 'Claim', 'Event'],
  relTypes: ['PUBLISHED', 'CONTAINS', 'SAID', 'ABOUT', 'ADDRESSED_TO', 'VIA', 'INSTANCE_OF', 'MENTIONS', 'PARTICIPANT', 'REPORTS', 'AT'],
  properties: [
    'id', 'name', 'domain', 'url', 'title', 'publishedAt', 'publishedAtPrecision', 'retrievedAt', 'contentHash', 'language', 'text',
    'kind', 'aliases', 'roles', 'content', 'quote', 'direct', 'cue', 'cueLemma', 'cueClass', 'saidAt', 'saidAtPrecision', 'timeText',
    'sentence', 'sentenceStart', 'sentenceEnd', 'start', 'end', 'confidence', 'speakerMention', 'firstSeen', 'lastSeen',
  ],
};

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

/**
 * Cypher console: editor with highlighting and autocomplete, Ctrl+Enter runs,
 * results as a table and, when nodes or relationships come back, as a graph.
 * The query lives in the URL (`#/console?q=...`). A link only fills the
 * editor: the query runs on the user's own action (Run, Ctrl+Enter, an
 * example), never on load, because any web page can send the user's
 * browser to such a link (docs/security.md, "The console runs only what the
 * user runs").
 */
export function consoleView(root: HTMLElement, ctx: ViewContext): void {
  root.append(h('h1', null, 'Cypher console'));
  const editor = cypherEditor({ id: 'cypher-input', label: 'Cypher query (read-only)', onRun: run });
  editor.setSchema(MODEL);
  const runBtn = h('button', { type: 'button', class: 'primary', onclick: () => run() }, 'Run (Ctrl+Enter)');
  const status = h('p', { class: 'status', role: 'status' });
  const errors = h('div', { class: 'query-errors', 'aria-live': 'assertive' });
  const results = h('div', { class: 'query-results' });
  const examples = h(
    'nav',
    { class: 'examples', 'aria-label': 'Example queries' },
    h('h2', { class: 'small' }, 'Examples'),
    h('ul', null, ...EXAMPLES.map((ex) => h('li', null, h('button', { type: 'button', class: 'linkish', onclick: () => { editor.setValue(ex.query); run(); } }, ex.title)))),
  );
  root.append(h('div', { class: 'split console' }, h('div', null, editor.el, h('div', { class: 'toolbar' }, runBtn), errors, status, results), examples));

  let controller: AbortController | null = null;
  async function run() {
    const q = editor.value().trim();
    if (!q) return;
    ctx.setParams({ q });
    controller?.abort();
    controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    errors.replaceChildren();
    status.textContent = 'Running…';
    const t0 = performance.now();
    try {
      const res = await api.cypher(q, {}, signal);
      status.textContent = `${res.rows.length} row${res.rows.length === 1 ? '' : 's'}${res.truncated ? ' (truncated)' : ''} in ${Math.round(performance.now() - t0)} ms.`;
      results.replaceChildren(...renderResult(res, ctx, results.clientWidth || ctx.width() - 360));
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      status.textContent = 'Query failed.';
      // Refused for want of the API token: the form takes it and runs the query again.
      errors.replaceChildren(writeErrorBox(err, () => void run()));
      results.replaceChildren();
    }
  }

  const q = ctx.route.params.get('q');
  editor.setValue(q ?? EXAMPLES[0]!.query);
  if (q) status.textContent = 'Query from the link: read it, then press Run.';
  editor.focus();
}

function renderResult(res: CypherResponse, ctx: ViewContext, width: number): HTMLElement[] {
  const columns = res.columns?.length ? res.columns : Object.keys(res.rows[0] ?? {});
  const table = h(
    'table',
    { class: 'result-table' },
    h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, ...res.rows.map((r) => h('tr', null, ...columns.map((c) => h('td', null, cellText(r[c])))))),
  );
  const out: HTMLElement[] = [];
  const graph = res.graph
    ? {
        nodes: res.graph.nodes.map((n) => ({ id: n.id, label: nodeLabel(n.properties, n.id), group: n.labels[0] ?? 'node' })),
        links: res.graph.relationships
          .filter((r) => r.start !== null && r.end !== null)
          .map((r) => ({ id: r.id, source: r.start!, target: r.end!, type: r.type })),
      }
    : collectGraph(res.rows);
  if (graph.nodes.length > 0) {
    const groups = [...new Set(graph.nodes.map((n) => n.group))].sort();
    const degree = new Map<string, number>();
    for (const l of graph.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
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
      .width(Math.max(400, width - 2))
      .height(420)
      .invalidation(ctx.invalidation);
    out.push(h('section', { class: 'result-graph' }, h('h2', { class: 'small' }, `Graph: ${graph.nodes.length} nodes, ${graph.links.length} relationships`), chart(graph)));
  }
  out.push(h('div', { class: 'table-wrap' }, table));
  return out;
}

function isNode(v: unknown): v is Record<string, unknown> & { _id: string; _labels: string[] } {
  return typeof v === 'object' && v !== null && '_id' in v && Array.isArray((v as { _labels?: unknown })._labels);
}
function isRel(v: unknown): v is Record<string, unknown> & { _id: string; _source: string; _target: string; _type: string } {
  return typeof v === 'object' && v !== null && '_type' in v && '_source' in v && '_target' in v;
}

/** Nodes and relationships anywhere in the rows (also inside lists and paths). */
function collectGraph(rows: Record<string, unknown>[]): { nodes: GNode[]; links: GLink[] } {
  const nodes = new Map<string, GNode>();
  const links = new Map<string, GLink>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (isRel(v)) {
      links.set(v._id, { id: v._id, source: v._source, target: v._target, type: v._type });
      return;
    }
    if (isNode(v)) {
      nodes.set(v._id, { id: v._id, label: nodeLabel(v, v._id), group: v._labels[0] ?? 'node' });
      return;
    }
    const p = v as { nodes?: unknown; edges?: unknown };
    if (Array.isArray(p.nodes)) visit(p.nodes, depth + 1);
    if (Array.isArray(p.edges)) visit(p.edges, depth + 1);
  };
  for (const r of rows) for (const v of Object.values(r)) visit(v, 0);
  return { nodes: [...nodes.values()], links: [...links.values()].filter((l) => nodes.has(l.source) && nodes.has(l.target)) };
}

function nodeLabel(props: Record<string, unknown>, fallback: string): string {
  const name = props.name ?? props.title ?? props.text ?? props.content ?? props.id ?? fallback;
  const label = String(name);
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) {
    const { _id, _labels, ...props } = v;
    return `(:${_labels.join(':')} ${JSON.stringify(props)})`;
  }
  if (isRel(v)) {
    const { _id, _source, _target, _type, ...props } = v;
    return `[:${_type}${Object.keys(props).length ? ` ${JSON.stringify(props)}` : ''}]`;
  }
  return JSON.stringify(v);
}
