import { describe, expect, test } from 'vitest';
import { detectLanguage, functionWordCount } from '../../server/ingest/language.js';
import { rng } from '../utils/random.js';

// Invented paragraphs, about thirty words each, so the detector has enough to go on.
describe('detectLanguage: the English shortcut and franc for the rest', () => {
  test.each([
    { name: 'English news prose', text: 'The council said on Tuesday that it would delay the vote on the harbour plan until the spring, and the mayor told reporters that she was not surprised by the decision of the members.', lang: 'eng' },
    { name: 'French', text: 'Le conseil municipal a annoncé mardi qu\'il reporterait le vote sur le projet du port jusqu\'au printemps, et la maire a déclaré aux journalistes qu\'elle n\'était pas surprise par cette décision des membres.', lang: 'fra' },
    { name: 'German', text: 'Der Stadtrat hat am Dienstag angekündigt, die Abstimmung über den Hafenplan bis zum Frühjahr zu verschieben, und die Bürgermeisterin sagte den Journalisten, sie sei von dieser Entscheidung der Mitglieder nicht überrascht.', lang: 'deu' },
    { name: 'Spanish', text: 'El consejo municipal anunció el martes que aplazaría la votación sobre el plan del puerto hasta la primavera, y la alcaldesa dijo a los periodistas que no le sorprendía la decisión de los miembros del consejo.', lang: 'spa' },
    { name: 'too short to tell', text: 'The council said no.', lang: 'und' },
  ])('$name', ({ text, lang }) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

/** The detector's list of English function words, as written in server/ingest/language.ts. */
const FUNCTION_WORDS = [
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by', 'it', 'he', 'she',
  'said', 'at', 'from', 'his', 'her', 'have', 'has', 'are', 'were', 'be', 'this', 'an', 'they', 'not', 'but', 'will',
];

/** What the detector counted before the scan: the words the Unicode expression matches, and those among them that are function words. */
function byRegex(text: string): { words: number; common: number } {
  const words = text.match(/\p{L}+/gu) ?? [];
  const common = words.filter((w) => FUNCTION_WORDS.includes(w)).length;
  return { words: words.length, common };
}

/** Pieces the random strings are made of: function words, letters (accented, astral, non-Latin), marks, digits, lone surrogates, punctuation and white space. */
const POOL = ['the', 'of', 'and', 'said', 'with', 'a', 'he', 'will', 'théa', 'x', 'é', 'ß', '中', '𝐀', '😀', '\ud800', '\udc00', '\u0301', '7', '٣', ' ', '\n', '\u00a0', '’', "'", '-', '.', ','];

describe('functionWordCount counts the words the expression /\\p{L}+/gu finds', () => {
  test.each([
    { name: 'plain prose', text: 'the mayor said he will go', words: 6, common: 4 },
    { name: 'a function word inside a longer word is not one', text: 'theater other', words: 2, common: 0 },
    { name: 'accents, astral letters and marks split or join as the expression does', text: 'café 𝐀𝐁the e\u0301a', words: 4, common: 1 },
    { name: 'no letters', text: ' 12, ’ -', words: 0, common: 0 },
  ])('$name', ({ text, words, common }) => {
    expect(functionWordCount(text)).toEqual({ words, common });
    expect(byRegex(text)).toEqual({ words, common });
  });

  test('2,000 random strings (seeded) agree with the expression', () => {
    const next = rng(15);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 30);
      for (let k = 0; k < len; k++) text += POOL[Math.floor(next() * POOL.length)];
      expect(functionWordCount(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
