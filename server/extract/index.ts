/**
 * Statement extraction (issue 3): who said what, about whom, to whom, when.
 * Rule-based over a hand-written tokenizer, with chrono-node for calendar
 * dates; see docs/extraction.md for the approach and its limits.
 */
import type { Doc } from './doc.js';
import type { ExtractOptions, Extraction } from './schema.js';
import { sentences } from './stages/01-sentences.js';
import { quotes } from './stages/02-quotes.js';
import { cues } from './stages/03-cues.js';
import { actors } from './stages/04-actors.js';
import { times } from './stages/05-time.js';
import { statements } from './stages/06-statements.js';
import { output } from './stages/07-output.js';

export * from './schema.js';

/** The ordered stages; each reads and fills the one Doc. */
const STAGES: ((doc: Doc) => void)[] = [sentences, quotes, cues, actors, times, statements];

/** Parses an article date; anything unparsable counts as unknown rather than failing the extraction. */
function parseDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The stages without the safety net of extract(): throws if a rule does.
 * For tests, which must see rule failures that extract() would hide.
 */
export function extractStrict(text: string, opts: ExtractOptions = {}): Extraction {
  const doc: Doc = {
    text: typeof text === 'string' ? text : String(text ?? ''), publishedAt: parseDate(opts.publishedAt),
    paragraphs: [], tokens: [], quotes: [], sentences: [], cues: [], actors: [], mentions: [], times: [], drafts: [],
  };
  for (const stage of STAGES) stage(doc);
  return output(doc);
}

/**
 * Extracts attributed statements and the actors they involve from one
 * article's text. Synchronous and pure; spans are offsets into `text` as
 * given. Never throws: input that defeats the rules yields fewer statements.
 */
export function extract(text: string, opts: ExtractOptions = {}): Extraction {
  try {
    return extractStrict(text, opts);
  } catch {
    // A rule bug must not take down ingestion of a whole feed; tests use extractStrict to see such bugs.
    return { statements: [], actors: [] };
  }
}
export { extractEvents, extractEventsStrict, type ExtractedEvent, type EventExtractOptions } from './events/index.js';
