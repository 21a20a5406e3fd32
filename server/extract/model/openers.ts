/**
 * Words that open a sentence before a name without being part of it
 * ("Afterwards Trump said"), beyond the lexicon's adverbs and the "-ly"
 * adverbs the rule recognises by their ending. Data only, lowercase.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'afterwards', 'afterward', 'previously', 'separately', 'additionally', 'currently', 'subsequently', 'similarly', 'initially',
  'eventually', 'ultimately', 'finally', 'recently', 'earlier', 'later', 'yesterday', 'today', 'tonight', 'overnight', 'elsewhere',
  'nonetheless', 'nevertheless', 'moreover', 'furthermore', 'otherwise', 'thus', 'hence', 'still', 'yet', 'instead', 'again',
  'regarding', 'concerning', 'following', 'including', 'according', 'despite', 'amid', 'unlike',
]);
