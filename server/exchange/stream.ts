import type { GraphStore } from '../graph/index.js';
import { exportAnnotations, exportClaims, exportCypher, exportGraphml, exportJsonl, exportStatements, type Sink } from './formats.js';

/** The export formats that are one stream of text (csv is a file per table), with their media types. */
export const STREAM_FORMATS = {
  jsonl: 'application/x-ndjson',
  statements: 'application/x-ndjson',
  graphml: 'application/xml',
  cypher: 'text/plain',
  annotations: 'application/x-ndjson',
  claims: 'application/x-ndjson',
} as const;
export type StreamFormat = keyof typeof STREAM_FORMATS;

/** Writes the whole store in one stream format; the CLI's export and GET /api/export share it. */
export async function exportStream(store: GraphStore, format: StreamFormat, write: Sink): Promise<unknown> {
  switch (format) {
    case 'jsonl': return exportJsonl(store, write);
    case 'statements': return exportStatements(store, write);
    case 'graphml': return exportGraphml(store, write);
    case 'cypher': return exportCypher(store, write);
    case 'annotations': return exportAnnotations(store, write);
    case 'claims': return exportClaims(store, write);
  }
}
