import { api } from '../api.js';
import type { ViewContext } from './context.js';
import { historyPanel } from './console-history.js';
import { DOMAIN_LABELS, renderResult } from './console-result.js';
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
  labels: [...DOMAIN_LABELS],
  relTypes: ['PUBLISHED', 'CONTAINS', 'SAID', 'ABOUT', 'ADDRESSED_TO', 'VIA', 'INSTANCE_OF', 'MENTIONS', 'PARTICIPANT', 'REPORTS', 'AT'],
  properties: [
    'id', 'name', 'domain', 'url', 'title', 'publishedAt', 'publishedAtPrecision', 'retrievedAt', 'contentHash', 'language', 'text',
    'kind', 'aliases', 'roles', 'content', 'quote', 'direct', 'cue', 'cueLemma', 'cueClass', 'saidAt', 'saidAtPrecision', 'timeText',
    'sentence', 'sentenceStart', 'sentenceEnd', 'start', 'end', 'confidence', 'speakerMention', 'firstSeen', 'lastSeen',
  ],
};

/**
 * Cypher console: editor with highlighting and autocomplete, Ctrl+Enter runs,
 * results as a graph when nodes or relationships come back (property panel,
 * expand on double-click) and as a table, exportable (console-result.ts);
 * query history and saved queries beside the examples (console-history.ts).
 * The query lives in the URL (`#/console?q=...`). A link only fills the
 * editor: the query runs on the user's own action (Run, Ctrl+Enter, an
 * example, never a history entry), never on load, because any web page can
 * send the user's browser to such a link (docs/security.md, "The console
 * runs only what the user runs").
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
  const history = historyPanel({ current: () => editor.value(), fill: (query) => { editor.setValue(query); editor.focus(); } });
  root.append(h('div', { class: 'split console' }, h('div', null, editor.el, h('div', { class: 'toolbar' }, runBtn), errors, status, results), h('div', null, examples, history.el)));

  let controller: AbortController | null = null;
  async function run() {
    const q = editor.value().trim();
    if (!q) return;
    ctx.setParams({ q });
    history.remember(q);
    controller?.abort();
    controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    errors.replaceChildren();
    status.textContent = 'Running…';
    const t0 = performance.now();
    try {
      const res = await api.cypher(q, {}, signal);
      status.textContent = `${res.rows.length} row${res.rows.length === 1 ? '' : 's'}${res.truncated ? ' (truncated)' : ''} in ${Math.round(performance.now() - t0)} ms.`;
      // EXPLAIN and PROFILE bring the plan; notices name known differences of the embedded engine (docs/cypher.md).
      const extra = [
        ...(res.notices ?? []).map((n) => h('p', { class: 'query-notice' }, `Embedded engine: ${n}`)),
        ...(res.plan ? [h('pre', { class: 'query-plan', 'aria-label': 'Query plan' }, res.plan)] : []),
      ];
      results.replaceChildren(...extra, ...renderResult(res, ctx, results.clientWidth || ctx.width() - 360));
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
