import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Config } from '../config.js';
import { normalizeError, fromZod } from '../errors.js';
import type { Statement, Span } from '../extract/index.js';
// Narrow imports: the index files would load the store, the HTTP fetcher and the HTML and feed parsers, which `extract --jsonl` never uses (start-up).
import type { IngestedArticle, IngestOptions } from '../ingest/index.js';
import { ingestRecord } from '../ingest/records.js';
import { ExtractPool } from '../pipeline/pool.js';
import { extractArticleStatements } from '../pipeline/statements.js';
import { ExtractFlags, IsoDate, parseFlags } from './options.js';

/** One article of the `extract` output contract (issue 3). */
export interface ExtractedArticleOutput {
  title: string;
  source: string | null;
  publishedAt: string | null;
  /** Offsets of the article's text in the input; statement spans are in the same coordinates. */
  span: Span | null;
  statements: Statement[];
}

const shift = (span: Span, by: number): Span => [span[0] + by, span[1] + by];

/**
 * Moves every span of a statement by `by` characters: the extractor works on
 * one article's text, the contract wants offsets into the whole input.
 */
export function shiftStatement(s: Statement, by: number): Statement {
  if (by === 0) return s;
  return {
    ...s,
    speaker: s.speaker ? { ...s.speaker, span: shift(s.speaker.span, by) } : null,
    cue: { ...s.cue, span: shift(s.cue.span, by) },
    content: {
      ...s.content,
      span: shift(s.content.span, by),
      ...(s.content.fragments ? { fragments: s.content.fragments.map((f) => shift(f, by)) } : {}),
      ...(s.content.parts ? { parts: s.content.parts.map((f) => shift(f, by)) } : {}),
    },
    sentence: { span: shift(s.sentence.span, by) },
  };
}

/** Extracts one ingested article into the output contract, spans relative to its origin text. */
export function articleOutput(article: IngestedArticle): ExtractedArticleOutput {
  const { extraction } = extractArticleStatements(article);
  const offset = article.originSpan?.[0] ?? 0;
  return {
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    span: article.originSpan,
    statements: extraction.statements.map((s) => shiftStatement(s, offset)),
  };
}

const JsonlRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  title: z.string().optional(),
  publishedAt: IsoDate.optional(),
  retrievedAt: IsoDate.optional(),
});

/** `claimgraph extract FILE... --json` and `claimgraph extract --jsonl` (stdin). */
export async function runExtract(config: Config, flags: Record<string, unknown>, files: unknown): Promise<number> {
  const opts = parseFlags(ExtractFlags, flags);
  const ingestOpts: IngestOptions = {
    retrievedAt: opts.retrievedAt,
    publishedAt: opts.publishedAt,
    maxBytes: config.maxInputBytes,
    fetchTimeoutMs: config.fetchTimeoutMs,
    allowPrivateAddresses: config.fetchAllowPrivate,
  };
  if (opts.jsonl) return extractJsonl(ingestOpts, config.extractWorkers);
  const paths = (files as string[] | undefined) ?? [];
  if (paths.length === 0) throw fromZod('arguments', { issues: [{ path: ['files'], message: 'expected at least one file, or --jsonl' }] });
  let failed = 0;
  const { readInputs } = await import('../ingest/index.js');
  for await (const item of readInputs(paths, ingestOpts)) {
    if (!item.ok) {
      failed += 1;
      if (opts.json) process.stdout.write(`${JSON.stringify({ id: item.origin, error: item.error.message })}\n`);
      else process.stderr.write(`error: ${item.error.message}\n`);
      continue;
    }
    const articles = item.articles.map(articleOutput);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ id: item.origin, articles })}\n`);
    } else {
      printHuman(item.origin, articles);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** One stdin line of `extract --jsonl` -> its output line (a result or an error; never throws). */
export function jsonlLine(line: string, n: number, ingestOpts: IngestOptions): string {
  let id = `line ${n}`;
  try {
    const raw: unknown = JSON.parse(line);
    if (raw && typeof raw === 'object' && 'id' in raw) id = String((raw as { id: unknown }).id);
    const parsed = JsonlRecord.safeParse(raw);
    if (!parsed.success) throw fromZod(`stdin line ${n}`, parsed.error);
    const r = parsed.data;
    const articles = ingestRecord(
      { id: r.id, text: r.text, title: r.title, publishedAt: r.publishedAt, retrievedAt: r.retrievedAt },
      `stdin line ${n}`,
      ingestOpts,
    ).map(articleOutput);
    return JSON.stringify({ id: r.id, articles });
  } catch (error) {
    const message = error instanceof SyntaxError ? `line ${n}: expected a JSON object, found invalid JSON (${error.message})` : normalizeError(error).message;
    return JSON.stringify({ id, error: message });
  }
}

/** Lines `extract --jsonl` has in flight per worker thread: enough to keep every worker busy, few enough to stream. */
const JSONL_AHEAD_PER_WORKER = 16;

/**
 * `extract --jsonl`: stdin lines read as a stream, extracted in this thread
 * or in worker threads (CLAIMGRAPH_EXTRACT_WORKERS, server/pipeline/pool.ts),
 * written in input order.
 */
async function extractJsonl(ingestOpts: IngestOptions, workers: number | undefined): Promise<number> {
  const pool = new ExtractPool(workers);
  const ahead = Math.max(1, pool.workers) * JSONL_AHEAD_PER_WORKER;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const queue: Promise<string>[] = [];
  const out: string[] = [];
  const flush = async () => {
    if (out.length === 0) return;
    const chunk = `${out.join('\n')}\n`;
    out.length = 0;
    // Wait for a full pipe to drain, so a slow reader bounds the memory held.
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (line.trim() === '') continue;
      const at = n;
      // An output line for every input line, even when its worker thread failed.
      const answer = pool.workers > 0
        ? (pool.call(import.meta.url, 'jsonlLine', [line, at, ingestOpts]) as Promise<string>)
        : Promise.resolve().then(() => jsonlLine(line, at, ingestOpts));
      queue.push(answer.catch((error: unknown) => JSON.stringify({ id: `line ${at}`, error: normalizeError(error).message })));
      while (queue.length > ahead) out.push(await queue.shift()!);
      if (out.length >= ahead) await flush();
    }
    while (queue.length > 0) out.push(await queue.shift()!);
    await flush();
  } finally {
    await pool.close();
  }
  return 0;
}

function printHuman(origin: string, articles: ExtractedArticleOutput[]): void {
  process.stdout.write(`${origin}: ${articles.length} article(s)\n`);
  for (const a of articles) {
    process.stdout.write(`\n## ${a.title}${a.source ? ` (${a.source})` : ''}\n`);
    for (const s of a.statements) {
      const who = s.speaker ? s.speaker.name : '(unknown speaker)';
      const when = s.saidAt.value ? ` [${s.saidAt.value}${s.saidAt.precision !== 'day' ? ` ~${s.saidAt.precision}` : ''}]` : '';
      process.stdout.write(`- ${who} ${s.cue.lemma}${s.direct ? ' (direct)' : ''}${when}: ${s.content.text}\n`);
    }
  }
}
