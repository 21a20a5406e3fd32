/**
 * Reads the record test/utils/record-queries.mjs writes: one file per process,
 * one line {"q": text, "o": origin} per text and origin. Returns the texts the
 * engine executed, split by who made them. A text a store process ran for its
 * HostedStore ("hosted") belongs to whoever the sending process recorded
 * ("sent:app" / "sent:test"); one whose sender is unknown or unrecorded counts
 * as the app's, so a doubt fails the check that app texts are declared rather
 * than passing it.
 */
export interface QueryRecord {
  /** Every text the engine ran, whoever made it. */
  executed: Set<string>;
  /** Texts the app's server code sent. */
  app: Set<string>;
  /** The user's Cypher: what came through the store's read-only door (console, `claimgraph query`), with its EXPLAIN. */
  user: Set<string>;
  /** Texts a test file sent the store itself. */
  test: Set<string>;
  /** Statements of a cypher export script that `claimgraph import` ran: the file's text, not the app's. */
  script: Set<string>;
}

const EXECUTIONS = new Set(['app', 'user', 'test', 'script', 'hosted']);
const SENDS = new Set(['sent:app', 'sent:test', 'sent:script', 'sent:unknown']);

export function readQueryRecord(files: string[]): QueryRecord {
  const out: QueryRecord = { executed: new Set(), app: new Set(), user: new Set(), test: new Set(), script: new Set() };
  const hosted = new Set<string>();
  const senders = new Map<string, Set<string>>();
  for (const content of files) {
    for (const line of content.split('\n')) {
      if (!line) continue;
      const { q, o } = JSON.parse(line) as { q: unknown; o: unknown };
      if (typeof q !== 'string' || typeof o !== 'string' || !(EXECUTIONS.has(o) || SENDS.has(o))) {
        throw new Error(`expected a record line {"q": text, "o": origin}, found ${line.slice(0, 200)}`);
      }
      if (SENDS.has(o)) {
        if (!senders.has(q)) senders.set(q, new Set());
        senders.get(q)!.add(o);
        continue;
      }
      out.executed.add(q);
      if (o === 'hosted') hosted.add(q);
      else out[o as 'app' | 'user' | 'test' | 'script'].add(q);
    }
  }
  for (const q of hosted) {
    const by = senders.get(q);
    if (by?.has('sent:test')) out.test.add(q);
    if (by?.has('sent:script')) out.script.add(q);
    if (!by || by.has('sent:app') || by.has('sent:unknown')) out.app.add(q);
  }
  return out;
}
