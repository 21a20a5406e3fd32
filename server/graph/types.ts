import type { ActorKind, CueClass, TimePrecision } from '../extract/index.js';
import type { DatePrecision } from '../ingest/index.js';

/**
 * The write unit: one article with everything extracted from it. The store
 * writes it in one transaction (all or nothing) with idempotent MERGEs on the
 * stable ids, so writing it twice changes nothing.
 * Times are ISO-8601 strings on both backends (never native temporal values),
 * so window filters are string comparisons that behave the same everywhere.
 */
export interface ArticleGraph {
  source: SourceNode | null;
  article: ArticleNode;
  actors: ActorNode[];
  statements: StatementNode[];
  /** Actor ids the article mentions. */
  mentions: string[];
}

export interface SourceNode {
  id: string; // "src_" + hash of the normalised name
  name: string;
  domain: string | null;
}

export interface ArticleNode {
  id: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  publishedAtPrecision: DatePrecision;
  retrievedAt: string;
  contentHash: string;
  language: string;
  text: string;
}

export interface ActorNode {
  id: string; // "act_" + hash of kind + normalised canonical name
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: string[];
}

export interface StatementNode {
  id: string; // "stm_" + hash of article id + span
  content: string;
  /** The verbatim quotation when direct, else null. */
  quote: string | null;
  direct: boolean;
  cue: string;
  cueLemma: string;
  cueClass: CueClass;
  saidAt: string | null;
  saidAtPrecision: TimePrecision;
  timeText: string | null;
  /** The sentence text the statement came from, and its offsets into the article text. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Offsets of the content in the article text. */
  start: number;
  end: number;
  confidence: number;
  speakerId: string | null;
  speakerMention: string | null;
  aboutIds: string[];
  addresseeId: string | null;
  /** VIA target: an actor id (a media actor for "according to the daily X"). */
  viaId: string | null;
}

export type WriteStatus = 'created' | 'unchanged';

export interface StoreStats {
  sources: number;
  articles: number;
  statements: number;
  actors: number;
  claims: number;
}

/** A row of a query result with plain JS values only (no driver Integer/DateTime objects). */
export type Row = Record<string, unknown>;

export interface ReadQueryOptions {
  timeoutMs?: number;
  maxRows?: number;
  /** Size of the answer, estimated as JSON while it is read; past it the query fails PAYLOAD_TOO_LARGE (default QUERY_LIMITS.maxAnswerBytes). */
  maxBytes?: number;
  /** Neo4j only: filled with the plan of an EXPLAIN or PROFILE (from the result summary) as text. */
  plan?: { text?: string };
}

/** The one interface over both backends. All data queries are the same Cypher text on each. */
export interface GraphStore {
  readonly backend: 'embedded' | 'neo4j';
  /** Idempotent schema set-up (indexes, constraints); the only backend-specific Cypher. */
  init(): Promise<void>;
  /** Writes one article and its statements in one transaction. "unchanged" when its id was already stored. */
  writeArticle(graph: ArticleGraph): Promise<WriteStatus>;
  /**
   * Writes a batch of articles in one transaction (all or nothing): each
   * article's status in input order, "unchanged" for one already stored (or
   * earlier in the batch). Stores what writing them one by one would.
   */
  writeArticles(graphs: ArticleGraph[]): Promise<WriteStatus[]>;
  hasArticle(id: string): Promise<boolean>;
  stats(): Promise<StoreStats>;
  /** Runs one of the app's own queries (from server/graph/queries) and returns plain rows. */
  run(query: string, params?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs user Cypher read-only: on Neo4j a READ session, on the embedded
   * engine a transaction that is always rolled back.
   */
  readOnly(query: string, params?: Record<string, unknown>, opts?: ReadQueryOptions): Promise<Row[]>;
  close(): Promise<void>;
}
