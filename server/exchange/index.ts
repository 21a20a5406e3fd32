/** Export, import and migration of whole graphs: every format reads the store only through GraphStore. */
export { exportJsonl, exportStatements, exportGraphml, exportCypher, exportCsv, exportAnnotations, exportClaims, cypherLiteral, CYPHER_EXPORT_HEADER, type Sink } from './formats.js';
export { importJsonl, copyStore, type TransferSummary } from './transfer.js';
export { importCypher, isCypherExport } from './cypher-import.js';
export { readArticleGraph, articleIds, countArticles } from './read.js';
export { ArticleGraphSchema, ExportLineSchema, type ExportLine } from './schema.js';
export { STREAM_FORMATS, exportStream, type StreamFormat } from './stream.js';
