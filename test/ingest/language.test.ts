import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../server/ingest/language.js';

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
