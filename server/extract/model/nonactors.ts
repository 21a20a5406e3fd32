/**
 * Words that name nobody when they head a mention or a speaker phrase
 * (issue 16): data only. A phrase headed by one of these is not an actor
 * (kind `other`: no Actor node), though a statement keeps its words.
 */

/** Personal pronouns and contractions written as one token, in any case ("According to him", "I've spent"). */
export const NON_ACTOR_PRONOUNS = new Set([
  'i', "i've", "i'm", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we've", "we're", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves',
  'you', "you've", "you're", 'your', 'yourself', 'him', 'himself', 'her', 'herself', 'them', 'themselves', 'it', 'itself', 'its',
  'he', 'she', 'they', "he's", "she's", "they're", "it's", 'others', 'another', 'everyone', 'everybody', 'anyone', 'anybody',
  'someone', 'somebody', 'nobody', 'none', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'which', 'what', 'who', 'whom',
]);

/**
 * Heads of texts, events and other things that are not speakers, beyond the
 * document heads of the speaker-phrase rules: "The warnings called for",
 * "The comments called her", "E-mails in the copy detailed", "My final plea is".
 */
export const THING_SPEAKER_HEADS = new Set([
  'warning', 'warnings', 'comment', 'comments', 'reason', 'reasons', 'e-mail', 'e-mails', 'plea', 'pleas',
  'message', 'messages', 'note', 'notes', 'letters', 'imaging', 'images', 'photos', 'photographs', 'pictures', 'footage',
  'decision', 'order', 'orders', 'amendment', 'amendments', 'constitution', 'act', 'treaty', 'charter', 'guidance',
  'advisory', 'advisories', 'story', 'stories', 'headline', 'headlines', 'coverage', 'documents', 'copy', 'text', 'texts', 'lawsuits', 'suits', 'claims', 'allegations',
]);
