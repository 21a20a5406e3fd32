import type { StatementRow } from '../api.js';

/**
 * Renders an article's text with its statements highlighted: the content,
 * the cue and the speaker's mention in distinct styles, the sentence of the
 * selected statement underlaid. The text is split at every highlight
 * boundary and each piece becomes a text node (inside a span when
 * highlighted), so overlapping statements work and nothing in the article is
 * ever parsed as HTML: `<script>` in an article is just eight characters.
 */
export interface HighlightedText {
  el: HTMLElement;
  select(id: string | null, scroll?: boolean): void;
}

interface Interval {
  a: number;
  b: number;
  role: 'content' | 'cue' | 'speaker' | 'sentence';
  id: string;
}

export function highlightedText(
  text: string,
  statements: readonly StatementRow[],
  onSelect: (id: string) => void,
  /** More sentences that `select(id)` can underlay (the sentence reporting an event). */
  sentences: readonly { start: number; end: number; id: string }[] = [],
): HighlightedText {
  const intervals: Interval[] = [];
  for (const s of sentences) if (s.end > s.start) intervals.push({ a: s.start, b: s.end, role: 'sentence', id: s.id });
  for (const s of statements) {
    const content = locateContent(text, s);
    if (!content) continue;
    intervals.push({ ...content, role: 'content', id: s.id });
    const sa = s.sentenceStart ?? content.a;
    const sb = s.sentenceEnd ?? content.b;
    if (sb > sa) intervals.push({ a: Math.min(sa, content.a), b: Math.max(sb, content.b), role: 'sentence', id: s.id });
    const cue = findOutside(text, s.cue, sa, sb, content);
    if (cue) intervals.push({ ...cue, role: 'cue', id: s.id });
    const speaker = s.speakerMention ? findOutside(text, s.speakerMention, sa, sb, content) : null;
    if (speaker) intervals.push({ ...speaker, role: 'speaker', id: s.id });
  }

  // Split at every boundary; each piece knows which intervals cover it.
  const cuts = new Set<number>([0, text.length]);
  for (const iv of intervals) {
    cuts.add(iv.a);
    cuts.add(iv.b);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const el = document.createElement('div');
  el.className = 'article-text';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covering = intervals.filter((iv) => iv.a <= a && iv.b >= b);
    if (covering.length === 0) {
      el.append(document.createTextNode(piece));
      continue;
    }
    const span = document.createElement('span');
    const roles = new Set(covering.map((c) => c.role));
    span.className = [...roles].map((r) => `hl-${r}`).join(' ');
    const ids = (role: Interval['role']) => [...new Set(covering.filter((c) => c.role === role).map((c) => c.id))].join(' ');
    if (roles.has('content')) span.dataset.stmt = ids('content');
    if (roles.has('cue')) span.dataset.cue = ids('cue');
    if (roles.has('speaker')) span.dataset.speaker = ids('speaker');
    span.dataset.sent = ids('sentence');
    span.textContent = piece;
    span.addEventListener('click', () => {
      const pick = covering.find((c) => c.role === 'content') ?? covering.find((c) => c.role !== 'sentence') ?? covering[0]!;
      onSelect(pick.id);
    });
    el.append(span);
  }

  function select(id: string | null, scroll = true) {
    for (const sp of el.querySelectorAll<HTMLElement>('.is-selected')) sp.classList.remove('is-selected');
    if (!id) return;
    let first: HTMLElement | null = null;
    for (const sp of el.querySelectorAll<HTMLElement>('span[data-sent]')) {
      if ((sp.dataset.sent ?? '').split(' ').includes(id)) {
        sp.classList.add('is-selected');
        first ??= sp;
      }
    }
    if (first && scroll) first.scrollIntoView({ block: 'center' });
  }

  return { el, select };
}

/** The statement's content span, trusting stored offsets only when they match the text. */
function locateContent(text: string, s: StatementRow): { a: number; b: number } | null {
  if (typeof s.start === 'number' && typeof s.end === 'number' && text.slice(s.start, s.end) === s.content) return { a: s.start, b: s.end };
  if (!s.content) return null;
  const i = text.indexOf(s.content, s.sentenceStart ?? 0);
  const j = i >= 0 ? i : text.indexOf(s.content);
  return j >= 0 ? { a: j, b: j + s.content.length } : null;
}

/** Finds `needle` in the sentence, preferring an occurrence outside the content. */
function findOutside(text: string, needle: string | null | undefined, sa: number, sb: number, content: { a: number; b: number }) {
  if (!needle) return null;
  const sentence = text.slice(sa, sb);
  let best: { a: number; b: number } | null = null;
  let from = 0;
  for (;;) {
    const i = sentence.indexOf(needle, from);
    if (i < 0) break;
    const a = sa + i;
    const b = a + needle.length;
    from = i + 1;
    // Whole words only: "he" must not match inside "the".
    if (isWordChar(text[a - 1]) || isWordChar(text[b])) continue;
    const outside = b <= content.a || a >= content.b;
    if (outside) return { a, b };
    best ??= { a, b };
  }
  return best;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}
