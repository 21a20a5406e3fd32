/**
 * Speech and attribution verbs: data only, applied by stages/03-cues.ts.
 * Each entry is a lemma with its cue class and, where English is irregular,
 * the inflected forms; regular forms (-s, -ed, -ing) are generated.
 */
import type { CueClass } from '../schema.js';

export interface CueVerb {
  /** Lemma as stored on the statement ("accuse"). */
  lemma: string;
  class: CueClass;
  /** Irregular forms; regular -s/-ed/-ing forms are derived from the lemma when absent. */
  forms?: string[];
  /** Only a quotation right after it or before its subject is its content ("the sign read: '...'"). */
  quoteOnly?: boolean;
  /** Forms that are past tense although spelt like the lemma ("put"). */
  past?: string[];
  /** The verb takes its hearer as a bare object ("told reporters", "asked him"). */
  takesAddressee?: boolean;
  /** The verb takes its target as a bare object ("accused London of ...", "described X as Y"). */
  takesTarget?: boolean;
  /** A particle that must follow and belongs to the cue ("call for"). */
  particle?: string;
  /** Words allowed right after the verb before the particle ("voice concern about"). */
  object?: string[];
  /**
   * The verb reports speech only with a quotation, a "that" clause or content
   * before its subject ("'...,' she continued"; "he concluded that ..."), never
   * with a bare object ("the fighting continued for days").
   */
  clauseOnly?: boolean;
  /** Evidence verbs ("shows", "found") report only with a "that" clause or a document, poll or figure as subject. */
  documentSubject?: boolean;
  /**
   * The verb names what its object is ("called the plan 'reckless'", "called
   * him a liar"): a cue only after a name, a pronoun, an auxiliary or "and",
   * with an object followed by a quotation or an "a/an" phrase.
   */
  predicate?: boolean;
}

export const CUE_VERBS: CueVerb[] = [
  { lemma: 'say', class: 'say', forms: ['say', 'says', 'said', 'saying'] },
  { lemma: 'tell', class: 'say', forms: ['tell', 'tells', 'told', 'telling'], takesAddressee: true },
  { lemma: 'add', class: 'say' },
  { lemma: 'state', class: 'say' },
  { lemma: 'claim', class: 'say' },
  { lemma: 'note', class: 'say' },
  { lemma: 'stress', class: 'say', forms: ['stress', 'stresses', 'stressed', 'stressing'] },
  { lemma: 'insist', class: 'say' },
  { lemma: 'argue', class: 'say', forms: ['argue', 'argues', 'argued', 'arguing'] },
  { lemma: 'explain', class: 'say' },
  { lemma: 'write', class: 'say', forms: ['write', 'writes', 'wrote', 'written', 'writing'] },
  { lemma: 'reiterate', class: 'say', forms: ['reiterate', 'reiterates', 'reiterated', 'reiterating'] },
  { lemma: 'assert', class: 'say' },
  { lemma: 'emphasize', class: 'say', forms: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'] },
  { lemma: 'admit', class: 'say', forms: ['admit', 'admits', 'admitted', 'admitting'] },
  { lemma: 'acknowledge', class: 'say', forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'] },
  { lemma: 'suggest', class: 'say' },
  { lemma: 'predict', class: 'say' },
  { lemma: 'tweet', class: 'say' },
  { lemma: 'reply', class: 'say', forms: ['replied', 'replies', 'replying'] },
  { lemma: 'recall', class: 'say' },
  { lemma: 'observe', class: 'say', forms: ['observed', 'observes', 'observing'] },
  { lemma: 'remark', class: 'say' },
  { lemma: 'declare', class: 'announce', forms: ['declare', 'declares', 'declared', 'declaring'] },
  { lemma: 'announce', class: 'announce', forms: ['announce', 'announces', 'announced', 'announcing'] },
  { lemma: 'confirm', class: 'announce' },
  { lemma: 'reveal', class: 'announce' },
  { lemma: 'accuse', class: 'accuse', forms: ['accuse', 'accuses', 'accused', 'accusing'], takesTarget: true },
  { lemma: 'allege', class: 'accuse', forms: ['allege', 'alleges', 'alleged', 'alleging'] },
  { lemma: 'warn', class: 'warn' },
  { lemma: 'caution', class: 'warn' },
  { lemma: 'threaten', class: 'warn' },
  { lemma: 'deny', class: 'deny', forms: ['deny', 'denies', 'denied', 'denying'] },
  { lemma: 'dismiss', class: 'deny', forms: ['dismissed', 'dismisses', 'dismissing'] },
  { lemma: 'demand', class: 'demand' },
  { lemma: 'urge', class: 'demand', forms: ['urge', 'urges', 'urged', 'urging'], takesAddressee: true },
  { lemma: 'call for', class: 'demand', forms: ['call', 'calls', 'called', 'calling'], particle: 'for' },
  { lemma: 'call', class: 'describe', forms: ['call', 'calls', 'called', 'calling'], takesTarget: true, predicate: true },
  { lemma: 'ask', class: 'ask', takesAddressee: true },
  { lemma: 'describe', class: 'describe', forms: ['describe', 'describes', 'described', 'describing'], takesTarget: true },
  { lemma: 'characterize', class: 'describe', forms: ['characterized', 'characterizes', 'characterised', 'characterising', 'characterizing'], takesTarget: true },
  { lemma: 'report', class: 'report', forms: ['reported', 'reports', 'reporting'] },
  { lemma: 'welcome', class: 'support', forms: ['welcome', 'welcomes', 'welcomed', 'welcoming'] },
  { lemma: 'praise', class: 'support', forms: ['praise', 'praises', 'praised', 'praising'], takesTarget: true },
  { lemma: 'vow', class: 'support' },
  { lemma: 'pledge', class: 'support', forms: ['pledge', 'pledges', 'pledged', 'pledging'] },
  { lemma: 'promise', class: 'support', forms: ['promise', 'promises', 'promised', 'promising'] },
  { lemma: 'criticize', class: 'criticize', forms: ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticises', 'criticised', 'criticising'], takesTarget: true },
  { lemma: 'condemn', class: 'criticize', takesTarget: true },
  { lemma: 'denounce', class: 'criticize', forms: ['denounce', 'denounces', 'denounced', 'denouncing'], takesTarget: true },
  { lemma: 'slam', class: 'criticize', forms: ['slammed', 'slams', 'slamming'], takesTarget: true },
  // speech verbs found missing on annotated news (issue 15)
  { lemma: 'continue', class: 'say', forms: ['continue', 'continued', 'continues'], clauseOnly: true },
  { lemma: 'conclude', class: 'say', forms: ['conclude', 'concluded', 'concludes'], clauseOnly: true },
  { lemma: 'respond', class: 'say', forms: ['respond', 'responded', 'responds'], clauseOnly: true },
  { lemma: 'recount', class: 'say', forms: ['recounted', 'recounts'], clauseOnly: true },
  { lemma: 'boast', class: 'say', forms: ['boasted', 'boasts', 'boasting'], clauseOnly: true },
  { lemma: 'brag', class: 'say', forms: ['bragged', 'brags', 'bragging'], clauseOnly: true },
  { lemma: 'yell', class: 'say', forms: ['yelled', 'yells'], clauseOnly: true },
  { lemma: 'shout', class: 'say', forms: ['shouted', 'shouts'], clauseOnly: true },
  { lemma: 'joke', class: 'say', forms: ['joked', 'jokes', 'joking'], clauseOnly: true },
  { lemma: 'quip', class: 'say', forms: ['quipped', 'quips'], clauseOnly: true },
  { lemma: 'mention', class: 'say', forms: ['mentioned', 'mentions'], clauseOnly: true },
  { lemma: 'complain', class: 'criticize', forms: ['complain', 'complained', 'complains', 'complaining'] },
  { lemma: 'point out', class: 'say', forms: ['point', 'points', 'pointed', 'pointing'], particle: 'out' },
  { lemma: 'cite', class: 'say', forms: ['cite', 'cites', 'cited', 'citing'] },
  { lemma: 'blast', class: 'criticize', forms: ['blasted', 'blasts', 'blasting'], takesTarget: true },
  { lemma: 'attack', class: 'criticize', forms: ['attacked', 'attacks', 'attacking'], takesTarget: true, clauseOnly: true },
  { lemma: 'question', class: 'ask', forms: ['questioned', 'questions', 'questioning'] },
  { lemma: 'wonder', class: 'ask', forms: ['wondered', 'wonders', 'wondering'] },
  { lemma: 'propose', class: 'demand', forms: ['proposed', 'proposes', 'proposing'] },
  { lemma: 'agree', class: 'support', forms: ['agreed', 'agrees'], clauseOnly: true },
  { lemma: 'endorse', class: 'support', forms: ['endorsed', 'endorses', 'endorsing'] },
  { lemma: 'defend', class: 'support', forms: ['defended', 'defends', 'defending'] },
  { lemma: 'contend', class: 'say', forms: ['contended', 'contends', 'contending'] },
  { lemma: 'maintain', class: 'say', forms: ['maintain', 'maintained', 'maintains'], clauseOnly: true },
  { lemma: 'testify', class: 'say', forms: ['testified', 'testifies', 'testifying'] },
  { lemma: 'concede', class: 'say', forms: ['conceded', 'concedes', 'conceding'] },
  { lemma: 'estimate', class: 'evidence', forms: ['estimated', 'estimates', 'estimating'] },
  { lemma: 'counter', class: 'say', forms: ['countered', 'counters'], clauseOnly: true },
  { lemma: 'retort', class: 'say', forms: ['retorted', 'retorts'], clauseOnly: true },
  { lemma: 'charge', class: 'accuse', forms: ['charged', 'charges'], clauseOnly: true },
  // tags of a quotation or a clause, never of a bare object ("'...,' she went on"; "he reacted: '...'")
  { lemma: 'go on', class: 'say', forms: ['went', 'goes'], particle: 'on', clauseOnly: true },
  { lemma: 'react', class: 'say', forms: ['reacted', 'reacts'], clauseOnly: true },
  { lemma: 'exclaim', class: 'say', forms: ['exclaimed', 'exclaims'], clauseOnly: true },
  { lemma: 'cry', class: 'say', forms: ['cried', 'cries'], clauseOnly: true },
  { lemma: 'scream', class: 'say', forms: ['screamed', 'screams'], clauseOnly: true },
  { lemma: 'chant', class: 'say', forms: ['chanted', 'chants'], clauseOnly: true },
  { lemma: 'plead', class: 'say', forms: ['pleaded', 'pleads'], clauseOnly: true },
  { lemma: 'bark', class: 'say', forms: ['barked', 'barks'], clauseOnly: true },
  { lemma: 'opine', class: 'say', forms: ['opined', 'opines'], clauseOnly: true },
  { lemma: 'snap', class: 'say', forms: ['snapped', 'snaps'], clauseOnly: true },
  { lemma: 'scoff', class: 'say', forms: ['scoffed', 'scoffs'], clauseOnly: true },
  { lemma: 'lament', class: 'say', forms: ['lamented', 'laments'], clauseOnly: true },
  { lemma: 'muse', class: 'say', forms: ['mused', 'muses'], clauseOnly: true },
  { lemma: 'gush', class: 'say', forms: ['gushed', 'gushes'], clauseOnly: true },
  { lemma: 'fire back', class: 'say', forms: ['fired', 'fires', 'firing'], particle: 'back', clauseOnly: true },
  { lemma: 'shoot back', class: 'say', forms: ['shot', 'shoots', 'shooting'], particle: 'back', clauseOnly: true },
  { lemma: 'answer', class: 'say', forms: ['answered', 'answers'], clauseOnly: true },
  { lemma: 'beam', class: 'say', forms: ['beamed', 'beams'], clauseOnly: true },
  { lemma: 'read', class: 'say', forms: ['read', 'reads'], past: ['read'], clauseOnly: true, quoteOnly: true },
  { lemma: 'put it', class: 'say', forms: ['put', 'puts'], past: ['put'], particle: 'it', clauseOnly: true },
  { lemma: 'decline', class: 'deny', forms: ['declined', 'declines', 'declining'], object: ['to'] },
  { lemma: 'refuse', class: 'deny', forms: ['refused', 'refuses', 'refusing'], object: ['to'] },
  { lemma: 'refer to', class: 'say', forms: ['referring', 'referred', 'refers'], particle: 'to' },
  // beliefs, intentions and evidence: their own classes, so users can filter them in or out
  { lemma: 'believe', class: 'belief', forms: ['believe', 'believes', 'believed'] },
  { lemma: 'think', class: 'belief', forms: ['think', 'thinks', 'thought'] },
  { lemma: 'feel', class: 'belief', forms: ['feel', 'feels', 'felt'], clauseOnly: true },
  { lemma: 'hope', class: 'belief', forms: ['hope', 'hopes', 'hoped'] },
  { lemma: 'fear', class: 'belief', forms: ['fear', 'fears', 'feared'] },
  { lemma: 'worry', class: 'belief', forms: ['worry', 'worries', 'worried'], clauseOnly: true },
  { lemma: 'doubt', class: 'belief', forms: ['doubt', 'doubts', 'doubted'] },
  { lemma: 'expect', class: 'belief', forms: ['expect', 'expects', 'expected'] },
  { lemma: 'suspect', class: 'belief', forms: ['suspect', 'suspects', 'suspected'], clauseOnly: true },
  { lemma: 'want', class: 'intention', forms: ['want', 'wants', 'wanted'] },
  { lemma: 'plan', class: 'intention', forms: ['plan', 'plans', 'planned'] },
  { lemma: 'intend', class: 'intention', forms: ['intend', 'intends', 'intended'] },
  { lemma: 'seek', class: 'intention', forms: ['seek', 'seeks', 'sought'] },
  { lemma: 'show', class: 'evidence', forms: ['show', 'shows', 'showed', 'shown'], documentSubject: true },
  { lemma: 'find', class: 'evidence', forms: ['find', 'finds', 'found'], documentSubject: true },
  { lemma: 'indicate', class: 'evidence', forms: ['indicate', 'indicates', 'indicated'], documentSubject: true },
  { lemma: 'voice concern', class: 'other', forms: ['voice', 'voices', 'voiced', 'voicing'], object: ['concern', 'concerns'] },
  { lemma: 'express hope', class: 'other', forms: ['express', 'expresses', 'expressed', 'expressing'], object: ['concern', 'concerns', 'hope', 'regret'] },
];

/** The prepositional cue "according to X": a source, not a verb. */
export const ACCORDING_TO = { lemma: 'according to', class: 'report' as CueClass };

/** Cue-like participles that only open a clause and never carry content of their own. */
export const NON_CUE_PARTICIPLES = new Set(['speaking', 'talking', 'writing']);

/** Subjects without a plural -s that still take a bare verb form ("people say", "police believe"). */
export const BARE_PLURAL_SUBJECTS = new Set(['people', 'police', 'staff', 'public', 'majority', 'minority', 'democrats', 'republicans', 'children', 'men', 'women', 'i', 'we', 'they', 'you',
  // counts and shares as subjects ("all five say", "half say", "most say")
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen', 'half', 'most', 'many', 'few', 'several', 'both', 'all', 'some', 'percent']);

/**
 * Verbs of a quotation's tag ("'Where is it?' Reyes asked."): after ?" or !"
 * a capitalised name followed by one of these within a few words continues
 * the sentence instead of starting a new one (stage 1).
 */
export const QUOTE_TAG_VERBS = new Set([
  'said', 'says', 'asked', 'asks', 'added', 'adds', 'wrote', 'writes', 'told', 'tells', 'replied', 'replies', 'shouted',
  'yelled', 'wondered', 'continued', 'exclaimed', 'cried', 'demanded', 'insisted', 'recalled', 'tweeted', 'responded',
  'joked', 'quipped', 'declared', 'explained', 'noted', 'argued', 'countered', 'warned', 'pleaded', 'chanted', 'screamed',
  'answered', 'beamed', 'barked', 'reacted', 'snapped', 'scoffed', 'mused', 'gushed', 'opined', 'lamented', 'read',
  'says', 'asks', 'writes', 'continues', 'went', 'shot', 'fired',
]);

/**
 * -s forms that are far more often plural nouns ("battleground states", "his
 * plans"): a cue only before "that", a quotation or a colon, or after a name
 * or a singular pronoun ("Reyes questions whether ...").
 */
export const NOUNLIKE_S_FORMS = new Set([
  'states', 'plans', 'questions', 'reports', 'claims', 'notes', 'charges', 'shows', 'attacks', 'fears', 'doubts', 'hopes',
  'tweets', 'estimates', 'finds', 'wants', 'points', 'counters', 'remarks', 'promises', 'pledges', 'vows', 'demands',
  'calls', 'cites', 'defends', 'worries', 'thinks', 'expects', 'feels', 'seeks', 'agrees', 'responds', 'continues',
]);

/** Particles after "call" that make another verb ("call on", "called off"). */
export const CALL_PARTICLES = new Set(['for', 'on', 'off', 'out', 'up', 'in', 'back', 'at', 'by', 'to', 'into', 'upon', 'it', 'him', 'her', 'them', 'me', 'us', 'this']);

/** First-person subjects: they head a statement, but name no actor of the article. */
export const FIRST_PERSON = new Set(['i', 'we']);
