import { claimAppearances, exportPage, SCHEMA_NEO4J, temporalLiteral, type ClaimAppearanceRow, type GraphStore, type Row } from '../graph/index.js';
import { articleIds, decisionRecords, eventRecords, graphPages, readArticleGraph } from './read.js';
import { JSONL_VERSION, type ExportLine } from './schema.js';

/** Where an export writes; a stream or a collecting array in tests. */
export type Sink = (chunk: string) => void | Promise<void>;

/**
 * `jsonl`, the round-trip format `import` reads (version JSONL_VERSION,
 * server/exchange/schema.ts): a header line; one article per line with its
 * source, actors and statements; then every event with its links and keys;
 * then every merge decision. Everything in id order.
 */
export async function exportJsonl(store: GraphStore, write: Sink): Promise<number> {
  const emit = (line: ExportLine) => write(`${JSON.stringify(line)}\n`);
  await emit({ type: 'header', format: 'claimgraph-jsonl', version: JSONL_VERSION });
  let n = 0;
  for await (const id of articleIds(store)) {
    const graph = await readArticleGraph(store, id);
    if (!graph) continue;
    await emit({ type: 'article', graph });
    n += 1;
  }
  for await (const event of eventRecords(store)) await emit({ type: 'event', event });
  for await (const decision of decisionRecords(store)) await emit({ type: 'mergeDecision', decision });
  return n;
}

/** `statements`: one statement per line, flat, with speaker, article and source (for spreadsheets and pandas). */
export async function exportStatements(store: GraphStore, write: Sink, pageSize = 1000): Promise<number> {
  let after = '';
  let n = 0;
  for (;;) {
    const rows = await exportPage(store, 'statementsFlat', after, pageSize);
    for (const row of rows) await write(`${JSON.stringify(row)}\n`);
    n += rows.length;
    if (rows.length < pageSize) return n;
    after = rows[rows.length - 1]!.id;
  }
}

const xmlEscape = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

type KeyType = 'string' | 'double' | 'boolean';
const keyType = (v: unknown): KeyType => (typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string');
const scalar = (v: unknown): string => (Array.isArray(v) || (v !== null && typeof v === 'object') ? JSON.stringify(v) : String(v));

/** `graphml`: for Gephi and yEd. Lists become JSON strings; a `labels` key holds ":Label". Two passes: keys first. */
export async function exportGraphml(store: GraphStore, write: Sink): Promise<void> {
  const nodeKeys = new Map<string, KeyType>([['labels', 'string']]);
  const edgeKeys = new Map<string, KeyType>([['type', 'string']]);
  for await (const page of graphPages(store)) {
    for (const n of page.nodes) for (const [k, v] of Object.entries(n.props)) if (v !== null && !nodeKeys.has(k)) nodeKeys.set(k, keyType(v));
    for (const r of page.relationships) for (const [k, v] of Object.entries(r.props)) if (v !== null && !edgeKeys.has(k)) edgeKeys.set(k, keyType(v));
  }
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  for (const [k, t] of nodeKeys) await write(`  <key id="n_${xmlEscape(k)}" for="node" attr.name="${xmlEscape(k)}" attr.type="${t}"/>\n`);
  for (const [k, t] of edgeKeys) await write(`  <key id="e_${xmlEscape(k)}" for="edge" attr.name="${xmlEscape(k)}" attr.type="${t}"/>\n`);
  await write('  <graph id="claimgraph" edgedefault="directed">\n');
  const edges: string[] = [];
  let e = 0;
  for await (const page of graphPages(store)) {
    for (const n of page.nodes) {
      const id = xmlEscape(n.props.id);
      let xml = `    <node id="${id}"><data key="n_labels">:${xmlEscape(n.labels.join(':'))}</data>`;
      for (const [k, v] of Object.entries(n.props)) if (v !== null) xml += `<data key="n_${xmlEscape(k)}">${xmlEscape(scalar(v))}</data>`;
      await write(`${xml}</node>\n`);
    }
    for (const r of page.relationships) {
      let xml = `    <edge id="e${e++}" source="${xmlEscape(r.from)}" target="${xmlEscape(r.to)}"><data key="e_type">${xmlEscape(r.type)}</data>`;
      for (const [k, v] of Object.entries(r.props)) if (v !== null) xml += `<data key="e_${xmlEscape(k)}">${xmlEscape(scalar(v))}</data>`;
      edges.push(`${xml}</edge>\n`);
    }
  }
  // GraphML allows nodes and edges in any order; writing edges after all nodes keeps readers that resolve eagerly happy.
  for (const x of edges) await write(x);
  await write('  </graph>\n</graphml>\n');
}

/** A Cypher literal for a property value: strings quoted and escaped, lists and numbers as they are. */
export function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${cypherName(k)}: ${cypherLiteral(x)}`).join(', ')}}`;
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A node's properties as a map literal, its stored times as temporal values (`datetime('...')`, server/graph/times.ts). */
function nodeProps(props: Row): string {
  return `{${Object.entries(props).map(([k, x]) => `${cypherName(k)}: ${temporalLiteral(k, x) ?? cypherLiteral(x)}`).join(', ')}}`;
}

/** A label, type or key, backticked unless it is a plain identifier. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** The first line of a cypher export: `claimgraph import` recognises the format by it. */
export const CYPHER_EXPORT_HEADER = '// claimgraph export: run with cypher-shell -f';

/**
 * `cypher`: a script that recreates the graph in Neo4j (cypher-shell -f) or
 * in an embedded store (`claimgraph import`): first the schema the app sets
 * up on Neo4j (constraints and indexes, SCHEMA_NEO4J, so their names are the
 * ones the app expects), then every node of the model by id, then the
 * derived nodes by key (lookup keys and counters: the actor page, the
 * timeline and the claims and events steps read them), then every
 * relationship. One statement a line; MERGE on ids and keys makes it safe
 * to run twice.
 */
export async function exportCypher(store: GraphStore, write: Sink): Promise<void> {
  const labelOf = new Map<string, string>();
  const rels: string[] = [];
  await write(`${CYPHER_EXPORT_HEADER}\n`);
  for (const statement of Object.values(SCHEMA_NEO4J)) await write(`${statement};\n`);
  for await (const page of graphPages(store)) {
    for (const n of page.nodes) {
      const label = n.labels.map(cypherName).join(':');
      labelOf.set(n.props.id, label);
      const { id, ...rest } = n.props;
      await write(`MERGE (n:${label} {id: ${cypherLiteral(id)}}) SET n += ${nodeProps(rest)};\n`);
    }
    for (const r of page.relationships) rels.push(JSON.stringify(r));
  }
  const derivedRels: string[] = [];
  for await (const n of derivedNodes(store)) {
    const label = n.labels.map(cypherName).join(':');
    const { key, ...rest } = n.props;
    await write(`MERGE (n:${label} {key: ${cypherLiteral(key)}}) SET n += ${cypherLiteral(rest)};\n`);
    const self = `(k:${label} {key: ${cypherLiteral(key)}})`;
    for (const r of n.out) {
      derivedRels.push(`MATCH ${self}, (b:${r.toLabels.map(cypherName).join(':')} {id: ${cypherLiteral(r.to)}}) MERGE (k)-[r:${cypherName(r.type)}]->(b)${setProps(r.props)};\n`);
    }
    for (const r of n.in) {
      derivedRels.push(`MATCH (a:${r.fromLabels.map(cypherName).join(':')} {id: ${cypherLiteral(r.from)}}), ${self} MERGE (a)-[r:${cypherName(r.type)}]->(k)${setProps(r.props)};\n`);
    }
  }
  for (const json of rels) {
    const r = JSON.parse(json) as { from: string; type: string; to: string; props: Row };
    await write(
      `MATCH (a:${labelOf.get(r.from) ?? 'Actor'} {id: ${cypherLiteral(r.from)}}), (b:${labelOf.get(r.to) ?? 'Actor'} {id: ${cypherLiteral(r.to)}}) ` +
        `MERGE (a)-[r:${cypherName(r.type)}]->(b)${setProps(r.props)};\n`,
    );
  }
  for (const line of derivedRels) await write(line);
}

const setProps = (props: Row | null) => (props && Object.keys(props).length ? ` SET r += ${cypherLiteral(props)}` : '');

interface DerivedLink {
  type: string;
  props: Row | null;
}

/** Every derived node (keyed by `key`) in key order, with its links to the model's nodes. */
async function* derivedNodes(store: GraphStore, pageSize = 1000): AsyncGenerator<{
  labels: string[];
  props: Row;
  out: (DerivedLink & { to: string; toLabels: string[] })[];
  in: (DerivedLink & { from: string; fromLabels: string[] })[];
}> {
  // Keys are unique within a label, not across labels: page with >= and skip the nodes of the last key already given.
  let after = '';
  let seenAtAfter = new Set<string>();
  for (;;) {
    const rows = await exportPage(store, 'derivedNodes', after, pageSize);
    let fresh = 0;
    const nextSeen = new Set<string>();
    let last = after;
    for (const r of rows) {
      const labels = [...r.labels].sort();
      const props = r.props;
      const key = props.key;
      const id = `${labels.join(':')}|${key}`;
      if (key === after && seenAtAfter.has(id)) continue;
      if (key !== last) nextSeen.clear();
      last = key;
      nextSeen.add(id);
      fresh += 1;
      yield { labels, props, out: r.outgoing, in: r.incoming };
    }
    if (rows.length < pageSize || fresh === 0) return;
    seenAtAfter = last === after ? new Set([...seenAtAfter, ...nextSeen]) : nextSeen;
    after = last;
  }
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = scalar(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** `csv`: one table per label (nodes_Article.csv ...) and per relationship type (rels_SAID.csv ...). */
export async function exportCsv(store: GraphStore, open: (file: string) => Sink): Promise<string[]> {
  const columns = new Map<string, Set<string>>();
  for await (const page of graphPages(store)) {
    for (const n of page.nodes) {
      const label = n.labels.join('_');
      const cols = columns.get(label) ?? new Set(['id']);
      for (const k of Object.keys(n.props)) cols.add(k);
      columns.set(label, cols);
    }
  }
  const sinks = new Map<string, { write: Sink; cols: string[] }>();
  const files: string[] = [];
  const sinkFor = async (file: string, cols: string[]) => {
    let s = sinks.get(file);
    if (!s) {
      s = { write: open(file), cols };
      sinks.set(file, s);
      files.push(file);
      await s.write(`${cols.join(',')}\n`);
    }
    return s;
  };
  for await (const page of graphPages(store)) {
    for (const n of page.nodes) {
      const label = n.labels.join('_');
      const s = await sinkFor(`nodes_${label}.csv`, [...columns.get(label)!]);
      await s.write(`${s.cols.map((c) => csvCell(n.props[c])).join(',')}\n`);
    }
    for (const r of page.relationships) {
      const s = await sinkFor(`rels_${r.type}.csv`, ['from', 'to', 'properties']);
      await s.write(`${[r.from, r.to, Object.keys(r.props).length ? r.props : null].map(csvCell).join(',')}\n`);
    }
  }
  return files;
}

/**
 * `annotations`: statements as W3C Web Annotations (JSON-LD), one per line,
 * each targeting its article with a TextQuoteSelector and a TextPositionSelector.
 */
export async function exportAnnotations(store: GraphStore, write: Sink): Promise<number> {
  let n = 0;
  for await (const id of articleIds(store)) {
    const g = await readArticleGraph(store, id);
    if (!g) continue;
    const names = new Map(g.actors.map((a) => [a.id, a.name]));
    const target = g.article.url ?? `urn:claimgraph:article:${g.article.id}`;
    for (const s of g.statements) {
      const annotation = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `urn:claimgraph:statement:${s.id}`,
        type: 'Annotation',
        motivation: 'describing',
        created: g.article.retrievedAt,
        body: [
          { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: s.content },
          ...(s.speakerId ? [{ type: 'TextualBody', purpose: 'identifying', value: names.get(s.speakerId) ?? s.speakerId }] : []),
          { type: 'TextualBody', purpose: 'tagging', value: s.cueClass },
        ],
        target: {
          source: target,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: g.article.text.slice(s.start, s.end),
              prefix: g.article.text.slice(Math.max(0, s.start - 32), s.start),
              suffix: g.article.text.slice(s.end, s.end + 32),
            },
            { type: 'TextPositionSelector', start: s.start, end: s.end },
          ],
        },
      };
      await write(`${JSON.stringify(annotation)}\n`);
      n += 1;
    }
  }
  return n;
}

/**
 * `claims`: each Claim as schema.org Claim JSON-LD, one per line: the text,
 * its author (the speaker), first appearance and every appearance (the
 * articles that carried it). A fact-checker's ClaimReview can point at it
 * with itemReviewed; claimgraph itself never rates a claim.
 */
export async function exportClaims(store: GraphStore, write: Sink, pageSize = 500): Promise<number> {
  let after = '';
  let n = 0;
  for (;;) {
    const page = await exportPage(store, 'claims', after, pageSize);
    for (const { claim: c } of page) {
      const rows = await claimAppearances(store, c.id);
      const work = (r: ClaimAppearanceRow) => ({
        '@type': 'NewsArticle',
        '@id': r.url ?? `urn:claimgraph:article:${r.articleId}`,
        ...(r.url ? { url: r.url } : {}),
        headline: r.title,
        ...(r.publishedAt ? { datePublished: r.publishedAt } : {}),
        ...(r.source ? { publisher: { '@type': 'Organization', name: r.source } } : {}),
      });
      const speaker = rows.find((r) => r.speaker);
      const doc = {
        '@context': 'https://schema.org',
        '@type': 'Claim',
        '@id': `urn:claimgraph:claim:${c.id}`,
        text: c.text,
        ...(speaker ? { author: { '@type': speaker.speakerKind === 'person' ? 'Person' : 'Organization', name: speaker.speaker } } : {}),
        ...(c.firstSeen ? { dateCreated: c.firstSeen } : {}),
        ...(rows[0] ? { firstAppearance: work(rows[0]) } : {}),
        appearance: rows.map(work),
      };
      await write(`${JSON.stringify(doc)}\n`);
      n += 1;
    }
    if (page.length < pageSize) return n;
    after = page[page.length - 1]!.claim.id;
  }
}
