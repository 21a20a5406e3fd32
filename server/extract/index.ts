/**
 * Statement extraction (issue 3): who said what, about whom, to whom, when.
 * Rule-based over a hand-written tokenizer, with chrono-node for calendar
 * dates; see docs/extraction.md for the approach and its limits.
 */
import type { Doc } from './doc.js';
import type { ExtractOptions, Extraction } from './schema.js';
import { output } from './stages/07-output.js';
import { parseDoc } from './parse.js';
import { eventsOf, type ExtractedEvent } from './events/index.js';

export * from './schema.js';

/**
 * The stages without the safety net of extract(): throws if a rule does.
 * For tests, which must see rule failures that extract() would hide.
 */
export function extractStrict(text: string, opts: ExtractOptions = {}): Extraction {
  return output(parseDoc(text, opts));
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

/** An article's statements and events from one parse. */
export interface Analysis {
  extraction: Extraction;
  events: ExtractedEvent[];
}

/**
 * Statements and events of one article from a single run of the stages
 * (what the pipeline stores). Equal to extract() and extractEvents() on the
 * same text. Never throws: a rule failure in the stages gives neither; one
 * in the event finder gives the statements and no events.
 */
export function analyze(text: string, opts: ExtractOptions = {}): Analysis {
  let doc: Doc;
  try {
    doc = parseDoc(text, opts);
  } catch {
    return { extraction: { statements: [], actors: [] }, events: [] };
  }
  let extraction: Extraction;
  try {
    extraction = output(doc);
  } catch {
    extraction = { statements: [], actors: [] };
  }
  let events: ExtractedEvent[];
  try {
    events = eventsOf(doc);
  } catch {
    events = [];
  }
  return { extraction, events };
}

export { extractEvents, extractEventsStrict, type ExtractedEvent, type EventExtractOptions } from './events/index.js';

// What other components take of the extraction's models and event matching: every import from outside goes through this file.
export { EVENT_TYPES, TYPE_PRIORITY, type EventType } from './model/events.js';
export { EventTypeSchema } from './events/schema.js';
export { compatible as eventsCompatible, eventKeys, lookupKeys as eventLookupKeys, placeArea, timesCompatible as eventTimesCompatible, type StoredEventCandidate } from './events/index.js';
export { COMMON_WORDS } from './model/lexicon.js';
export { GENERIC_ORG_NAMES, PARTY_WORDS } from './model/orgs.js';
