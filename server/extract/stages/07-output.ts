/**
 * Stage 7: drafts -> Statement records and the article's actor list.
 * Every span is checked against the text here, so whatever an earlier rule
 * got wrong, no statement leaves with a span outside the text.
 */
import type { Actor, Doc, Draft } from '../doc.js';
import type { ActorRef, Extraction, ExtractedActor, Span, Statement } from '../schema.js';

function ref(a: Actor | null): ActorRef | null {
  return a ? { name: a.name, kind: a.kind } : null;
}

function validSpan(s: Span, len: number): boolean {
  return Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[0] <= s[1] && s[1] <= len;
}

/** Turns the drafts into the public Extraction. */
export function output(doc: Doc): Extraction {
  const { text } = doc;
  const len = text.length;
  const published = doc.publishedAt ? doc.publishedAt.toISOString().slice(0, 10) : null;
  const statements: Statement[] = [];
  const used = new Set<Actor>();
  const seen = new Set<string>();
  for (const d of doc.drafts) {
    const key = `${d.content[0]}:${d.content[1]}:${d.speaker?.id ?? -1}`;
    if (seen.has(key)) continue; // two cues over one content ("said ..., adding") keep the first
    seen.add(key);
    const st = toStatement(doc, d, published);
    if (!st) continue;
    if (![st.cue.span, st.content.span, st.sentence.span, ...(st.speaker ? [st.speaker.span] : []), ...(st.content.fragments ?? []), ...(st.content.parts ?? [])].every((s) => validSpan(s, len))) continue;
    for (const a of [d.speaker, d.addressee, d.via, ...d.about]) if (a) used.add(a);
    statements.push(st);
  }
  for (const m of doc.mentions) if (m.actor) used.add(m.actor);
  const actors: ExtractedActor[] = doc.actors.filter((a) => used.has(a) && a.kind !== 'other').map((a) => ({
    name: a.name, kind: a.kind, aliases: [...a.aliases].filter((x) => x && x !== a.name), roles: [...a.roles],
  }));
  return { statements, actors };
}

function toStatement(doc: Doc, d: Draft, published: string | null): Statement | null {
  const { text } = doc;
  const about: ActorRef[] = [];
  for (const a of d.about) if (a !== d.speaker && !about.some((x) => x.name === a.name)) about.push({ name: a.name, kind: a.kind });
  const time = d.time;
  const saidAt: Statement['saidAt'] = time
    ? { value: time.value, precision: time.precision, text: time.text }
    : { value: published, precision: published ? 'article' : 'unknown', text: null };
  return {
    speaker: d.speaker && d.mention ? {
      name: d.speaker.name, kind: d.speaker.kind, mention: text.slice(d.mention.span[0], d.mention.span[1]), span: d.mention.span,
      ...(d.group ? { group: d.group } : {}),
    } : null,
    cue: { text: text.slice(d.cue.span[0], d.cue.span[1]), lemma: d.cue.lemma, class: d.cue.class, span: d.cue.span },
    content: d.parts.length > 1 ? {
      text: d.parts.map((p) => text.slice(p[0], p[1])).join(' '), span: [d.parts[0]![0], d.parts[d.parts.length - 1]![1]],
      ...(d.fragments.length > 0 ? { fragments: d.fragments } : {}),
      parts: d.parts,
    } : {
      text: text.slice(d.content[0], d.content[1]), span: d.content,
      ...(d.fragments.length > 0 ? { fragments: d.fragments } : {}),
    },
    direct: d.direct,
    about,
    addressee: ref(d.addressee),
    via: ref(d.via),
    saidAt,
    sentence: { span: d.sentenceSpan },
    confidence: Math.max(0, Math.min(1, d.confidence)),
  };
}
