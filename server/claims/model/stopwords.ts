/**
 * Function words dropped before comparing statement contents: what is left
 * ("sincere desire achieve peace") carries the claim. Negation words are NOT
 * here: they decide polarity (see polarity.ts) and are removed only from the
 * polarity-neutral form.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'than', 'so', 'as', 'of', 'to', 'in', 'on', 'at', 'by', 'for',
  'from', 'with', 'into', 'onto', 'about', 'over', 'under', 'after', 'before', 'since', 'until', 'while', 'during',
  'between', 'through', 'up', 'down', 'out', 'off', 'again', 'also', 'just', 'only', 'very', 'really', 'too',
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them',
  'their', 'this', 'that', 'these', 'those', 'there', 'here', 'who', 'whom', 'whose', 'which', 'what', 'when',
  'where', 'why', 'how', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having',
  'do', 'does', 'did', 'doing', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'oh', 'well', 'now', 'still', 'even', 'any', 'all', 'some', 'such', 'both', 'each', 'other', 'own', 'same',
  'because', 'although', 'though', 'however', 'unless', 'whereas', 'whether',
  'said', 'says', 'say', 'saying', 'according', 'repeatedly', 'reportedly', 's', 't', 'd', 'll', 're', 've', 'm',
]);
