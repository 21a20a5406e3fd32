import { EVENT_WORDS } from './event-words.js';

/**
 * Finds the sentence of an article that reports an event, for the article
 * page opened from an event (`#/article/ID?event=EVENT_ID`). The store keeps
 * which articles report an event but not where in their text, so the
 * sentence is found by what it must say: the event's name, a word of its
 * type, its participants, its place and its time expression. DOM-free.
 */
export interface EventLike {
  name: string | null;
  type: string;
  place: string | null;
  dateText: string | null;
  participants: readonly { name: string }[];
}

/** [start, end) of each sentence: ends at . ! ? (with closing quotes) before a space, or at a line break. */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\n]+?(?:[.!?]+["'”’)\]]*(?=\s|$)|(?=\n)|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const a = m.index + lead;
    const b = m.index + m[0].trimEnd().length;
    if (b > a) out.push([a, b]);
  }
  return out;
}

const hasWord = (hay: string, word: string) => {
  const w = word.toLowerCase().trim();
  if (!w) return false;
  let i = hay.indexOf(w);
  while (i >= 0) {
    const before = hay[i - 1];
    const after = hay[i + w.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    i = hay.indexOf(w, i + 1);
  }
  return false;
};

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

/**
 * The best sentence: the name counts 4, a word of the type 2, each participant
 * (full name or last word) 1, the place 1, the time expression 1. It must
 * have the name, or a type word and one more clue; the first best one wins.
 */
export function locateEventSentence(text: string, e: EventLike): { start: number; end: number } | null {
  const words = EVENT_WORDS[e.type] ?? [];
  let best: { start: number; end: number; score: number } | null = null;
  for (const [a, b] of sentenceSpans(text)) {
    const s = text.slice(a, b).toLowerCase();
    const named = e.name ? hasWord(s, e.name) : false;
    const typed = words.some((w) => hasWord(s, w));
    if (!named && !typed) continue;
    let score = (named ? 4 : 0) + (typed ? 2 : 0);
    for (const p of e.participants) if (hasWord(s, p.name) || hasWord(s, p.name.split(/\s+/).at(-1) ?? '')) score += 1;
    if (e.place && hasWord(s, e.place)) score += 1;
    if (e.dateText && hasWord(s, e.dateText)) score += 1;
    if (score < 3) continue;
    if (!best || score > best.score) best = { start: a, end: b, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}
