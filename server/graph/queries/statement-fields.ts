/**
 * The one projection of a statement row, shared by every query that returns
 * statements with their actors (queries/read.ts articleStatements,
 * queries/api.ts statement lists and the statement page). Needs `s` (the
 * Statement), `p` (speaker), `ad` (addressee) and `v` (via) in scope, each
 * possibly null. A plain string, so the Cypher lint test reads it only
 * inside the queries that use it. A statement may store neither its quote
 * nor its sentence (write.ts storedStatementProps): `quoteIsContent` and the
 * article's text (only then) come back for records.ts statementTexts.
 */
export const STATEMENT_FIELDS = `s.id AS id, s.content AS content, s.quote AS quote, s.direct AS direct,
  s.cue AS cue, s.cueLemma AS cueLemma, s.cueClass AS cueClass,
  s.saidAt AS saidAt, s.saidAtPrecision AS saidAtPrecision, s.timeText AS timeText,
  s.quoteIsContent AS quoteIsContent, s.sentence AS sentence, s.sentenceStart AS sentenceStart, s.sentenceEnd AS sentenceEnd,
  CASE WHEN s.sentence IS NULL THEN head([(s)<-[:CONTAINS]-(x:Article) | x.text]) END AS articleText,
  s.start AS start, s.end AS end, s.confidence AS confidence, s.speakerMention AS speakerMention,
  p.id AS speakerId, p.name AS speaker, ad.id AS addresseeId, ad.name AS addressee,
  v.id AS viaId, v.name AS via,
  [(s)-[:ABOUT]->(x:Actor) | {id: x.id, name: x.name}] AS about`;
