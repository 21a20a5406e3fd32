/**
 * The one structure the extraction stages read and fill, in order
 * (stages/01-sentences.ts ... 07-output.ts). Every offset is a JavaScript
 * string index into `text`, the article exactly as given to extract().
 */
import type { ActorKind, CueClass, Span, TimePrecision } from './schema.js';

export interface Token {
  start: number; // offset of the first character
  end: number; // offset after the last character
  text: string; // text.slice(start, end)
  lower: string; // text lowercased, curly apostrophes made straight
  type: 'word' | 'punct' | 'quote'; // 'quote' = a quotation-mark candidate (not an apostrophe inside a word)
  cap: boolean; // first character is an uppercase letter
  quote: number; // index in doc.quotes of the top-level quotation containing this token, -1 when outside
}

export interface Quote {
  open: number; // offset of the opening mark
  close: number; // offset of the closing mark
  inner: Span; // the quoted words, marks excluded
  kind: 'single' | 'double';
  depth: number; // 0 = top level; 1 = nested inside another quotation
}

export interface Sentence {
  span: Span; // trimmed sentence, or several sentences when a quotation runs across them
  paragraph: number; // index of the paragraph the sentence starts in
  tokens: [number, number]; // [first, end) indexes into doc.tokens
}

export interface Cue {
  tok: number; // index of the verb token (or "according")
  startTok: number; // index of the first token of the span (an auxiliary or adverb before the verb, or the verb)
  endTok: number; // index after the cue's last token ("called for" -> after "for")
  span: Span; // "has repeatedly said": auxiliaries and adverbs included
  lemma: string;
  class: CueClass;
  participle: boolean; // ", adding:", "by noting that": takes the subject of the clause it hangs on
  takesAddressee: boolean;
  takesTarget: boolean;
  /** Reports only with a quotation, a "that" clause or content before the subject (model/cues.ts clauseOnly). */
  clauseOnly?: boolean;
  /** Evidence verb: reports only with a "that" clause or a document as subject (model/cues.ts documentSubject). */
  documentSubject?: boolean;
  sentence: number;
}

/** An actor as the article knows it; statements point at these and names settle at the end. */
export interface Actor {
  id: number;
  name: string;
  kind: ActorKind;
  aliases: Set<string>;
  roles: Set<string>;
  /** Countries named in the actor's roles, canonical ("Israel" for "Israeli Prime Minister"). */
  nations: Set<string>;
  lastSeen: number; // offset of the latest mention, for "most recent" resolution
  seen: number[]; // offsets of every mention, ascending: "most recent before X" when resolving later
  /** The kind an actor of kind `other` takes when it speaks (a place speaks for its government: organization); person when unset. */
  speakerKind?: ActorKind;
}

/** A stretch of text that names an actor. */
export interface Mention {
  span: Span;
  tokens: [number, number]; // [first, end) token indexes
  text: string;
  actor: Actor | null; // null for pronouns and unresolved titles until stage 06 resolves them
  pronoun: 'person' | 'thing' | 'plural' | null;
  /** A role noun phrase with no name ("the French president"): resolved against earlier roles. */
  title: string | null;
  group: string | null;
  sentence: number;
  /** A speaker phrase with no name that names its own actor ("a senior aide to the governor"): its kind is kept as found. */
  described?: boolean;
}

export interface TimeExpr {
  span: Span;
  text: string;
  value: string | null;
  precision: TimePrecision;
  sentence: number;
}

/** A statement under construction; turned into a Statement by stage 07. */
export interface Draft {
  sentence: number;
  sentenceSpan: Span;
  speaker: Actor | null;
  mention: Mention | null;
  group: string | null;
  cue: { span: Span; lemma: string; class: CueClass };
  content: Span;
  /** Pieces of one utterance interrupted by its attribution ("A," she said, "B."); empty when it is one piece. */
  parts: Span[];
  fragments: Span[];
  direct: boolean;
  about: Actor[];
  addressee: Actor | null;
  via: Actor | null;
  time: TimeExpr | null;
  /** Time taken from the preceding statement or sentence rather than found in this one. */
  inherited: boolean;
  continuation: boolean;
  confidence: number;
  /** Time expressions found in the cue's own frame ("told Fox Business on Wednesday"). */
  frameTimes: TimeExpr[];
}

export interface Doc {
  text: string;
  publishedAt: Date | null;
  paragraphs: Span[];
  tokens: Token[];
  quotes: Quote[];
  sentences: Sentence[];
  cues: Cue[];
  actors: Actor[];
  mentions: Mention[];
  times: TimeExpr[];
  drafts: Draft[];
}
