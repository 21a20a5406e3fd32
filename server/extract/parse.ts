/**
 * The one parse of an article both extractors read: the statement stages
 * (sentences, quotations, cues, actors, times, statement drafts) fill one Doc,
 * then stage 07 turns its drafts into statements and server/extract/events
 * finds events in the same Doc. Neither reader changes the Doc.
 */
import type { Doc } from './doc.js';
import type { ExtractOptions } from './schema.js';
import { sentences } from './stages/01-sentences.js';
import { quotes } from './stages/02-quotes.js';
import { cues } from './stages/03-cues.js';
import { actors } from './stages/04-actors.js';
import { times } from './stages/05-time.js';
import { statements } from './stages/06-statements.js';

/** The ordered stages; each reads and fills the one Doc. */
const STAGES: ((doc: Doc) => void)[] = [sentences, quotes, cues, actors, times, statements];

/** Parses an article date; anything unparsable counts as unknown rather than failing the extraction. */
function parseDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Runs the stages over `text`; throws if a rule does (callers decide whether to hide that). */
export function parseDoc(text: string, opts: ExtractOptions = {}): Doc {
  const doc: Doc = {
    text: typeof text === 'string' ? text : String(text ?? ''), publishedAt: parseDate(opts.publishedAt),
    paragraphs: [], tokens: [], quotes: [], sentences: [], cues: [], actors: [], mentions: [], times: [], drafts: [],
  };
  for (const stage of STAGES) stage(doc);
  return doc;
}
