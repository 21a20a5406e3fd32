import type { ActorNode, ArticleGraph } from '../graph/index.js';
import { actorId, normalizeName, stableId } from '../ids.js';
import { COMMON_WORDS, GENERIC_ORG_NAMES, PARTY_WORDS } from '../extract/index.js';
import { CAPITALS_ONLY_METONYMS, METONYMS, SPELLING_VARIANTS } from './model/variants.js';
import { NAME_PARTICLES, NAME_SUFFIXES, PLACE_WORDS, TITLE_WORDS } from './model/titles.js';
import { normalizeText } from './names.js';
import { memoByString } from '../memo.js';

/**
 * Actor identity across articles, decided before an article is written.
 *
 * Every stored actor is indexed under alias keys, one (:_Alias {key}) node
 * per key with an OF relationship to each actor it names:
 * - `p:<first last>`  a person's full name, titles stripped, spellings folded;
 * - `s:<last>`        a person's surname, from any full or surname-only form;
 * - `o:<kind>:<name>` any other actor's name, metonyms folded (Moscow -> russia).
 * Descriptors ("the US president") and generic names ("officials",
 * "Police", "a reporter in Kenya") are never keys: they resolve inside their
 * article (stage 04) and such actors get an id scoped to their article
 * (`graphActorId`), so "Police" in two articles are two actors.
 * An extracted actor is looked up by its own keys (a few indexed seeks, so
 * the cost does not grow with the store) and mapped onto the stored actor
 * when the evidence is unambiguous; otherwise it keeps its own id.
 */

/** An actor as read back from the alias index. */
export interface StoredActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  roles: string[];
}

export type NameForm =
  | { type: 'full'; first: string; last: string; key: string }
  | { type: 'surname'; last: string }
  | { type: 'descriptor'; text: string };

/**
 * Parses a person's name or alias. Leading titles, roles and place words
 * are dropped ("US President Donald Trump" -> donald trump); middle names
 * are kept in the key only through first and last; spellings are folded
 * (Zelenskyy -> zelensky). A form made only of titles is a descriptor.
 */
export const parsePersonName: (name: string) => Readonly<NameForm> | null = memoByString((name) => {
  const frozen = parseName(name);
  return frozen === null ? null : Object.freeze(frozen);
}, 20_000);

function parseName(name: string): NameForm | null {
  const tokens = normalizeText(name)
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => SPELLING_VARIANTS[t] ?? t);
  if (tokens.length === 0) return null;
  let i = 0;
  while (i < tokens.length && (TITLE_WORDS.has(tokens[i]!) || PLACE_WORDS.has(tokens[i]!))) i += 1;
  let rest = tokens.slice(i);
  while (rest.length > 1 && NAME_SUFFIXES.has(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
  // A role inside the phrase ("trump special envoy keith kellogg"): the name is what follows the last role word.
  for (let j = rest.length - 2; j >= 0; j--) {
    if (TITLE_WORDS.has(rest[j]!)) {
      rest = rest.slice(j + 1);
      break;
    }
  }
  if (rest.length === 0) {
    const text = tokens.filter((t) => t !== 'the').join(' ');
    return text === '' ? null : { type: 'descriptor', text };
  }
  // A trailing number belongs to the surname ("Anna Berg 2", numbered namesakes in synthetic data): never a surname on its own.
  if (rest.length > 1 && /^\d+$/.test(rest[rest.length - 1]!)) rest = [...rest.slice(0, -2), `${rest[rest.length - 2]} ${rest[rest.length - 1]}`];
  const last = rest[rest.length - 1]!;
  if (rest.length === 1) return { type: 'surname', last };
  const first = rest[0]!;
  return { type: 'full', first, last, key: `${first} ${last}` };
}

/**
 * The key of a non-person name: normalised, spellings and metonyms folded.
 * Metonyms that spell an ordinary word ("us", "uk") fold only when written
 * in capitals: an organisation called "Us" is not the United States.
 */
export function otherNameKey(kind: string, name: string): string {
  const norm = normalizeText(name)
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => SPELLING_VARIANTS[t] ?? t)
    .join(' ');
  const bare = norm.replace(/^the /, '');
  const letters = name.replace(/^the\s+/i, '').replace(/[^\p{L}]/gu, '');
  const fold = (k: string) => (CAPITALS_ONLY_METONYMS.has(k) && letters !== letters.toUpperCase() ? undefined : METONYMS[k]);
  return `o:${kind}:${fold(norm) ?? fold(bare) ?? bare}`;
}

/**
 * Whether an actor names no one in particular outside its article: a group
 * with no capitalised qualifier ("Officials", "health officials",
 * "protesters"; "Russian leaders" is kept across articles); a generic organisation name
 * ("Police", "the Government", "Congress": a different body in each
 * article); a person known only by a description ("reporter in Kenya",
 * "Japanese government official": lowercase words other than name
 * particles, or only titles), by a party description ("Wisconsin
 * Republican") or by a lone common word ("Reports").
 */
export function isArticleScoped(actor: { kind: string; name: string }): boolean {
  // a group is generic unless a capitalised qualifier names whose it is ("Russian leaders", "WHO officials" stay one actor)
  if (actor.kind === 'group') return !actor.name.split(/\s+/).slice(0, -1).some((w) => /^\p{Lu}/u.test(w) && (w.length > 1 && w === w.toUpperCase() || !COMMON_WORDS.has(normalizeText(w))));
  const norm = normalizeText(actor.name);
  if (actor.kind === 'person') {
    const words = actor.name.split(/\s+/).filter((w) => w !== '');
    if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w))) return true;
    if (words.length === 1 && COMMON_WORDS.has(norm)) return true;
    const last = norm.split(' ').pop()!;
    if (PARTY_WORDS.has(last)) return true; // "Wisconsin Republican": a description
    if (words.length > 1 && TITLE_WORDS.has(last)) return true; // "State Department spokesperson": a role, no name
    return parsePersonName(actor.name)?.type === 'descriptor';
  }
  return GENERIC_ORG_NAMES.has(norm) || GENERIC_ORG_NAMES.has(norm.replace(/^the /, ''));
}

/** The graph id of an extracted actor: by kind and name, or, for an article-scoped actor, by kind, name and article. */
export function graphActorId(kind: string, name: string, articleId: string): string {
  return isArticleScoped({ kind, name }) ? stableId('act', kind, normalizeName(name), articleId) : actorId(kind, name);
}

/**
 * The alias keys an actor is indexed under: from its name and every alias
 * that identifies it. Titles and descriptions ("the US president", "Vice
 * President") are not keys, nor are generic forms ("Police"); an
 * article-scoped actor has none. A person's alias with another surname or
 * a conflicting first name ("Joe Biden" on Hunter Biden's node, left by an
 * old wrong merge) is not indexed either: it would lead the other person's
 * statements here.
 */
export function indexKeys(actor: Pick<ActorNode, 'name' | 'kind' | 'aliases'>): string[] {
  if (isArticleScoped(actor)) return [];
  const keys = new Set<string>();
  const own = actor.kind === 'person' ? parsePersonName(actor.name) : null;
  for (const form of [actor.name, ...actor.aliases]) {
    if (actor.kind !== 'person') {
      if (!isArticleScoped({ kind: actor.kind, name: form })) keys.add(otherNameKey(actor.kind, form));
      continue;
    }
    const parsed = parsePersonName(form);
    if (parsed === null || parsed.type === 'descriptor') continue;
    if (own !== null && own.type !== 'descriptor' && own.last !== parsed.last) continue;
    if (parsed.type === 'full') {
      if (own?.type === 'full' && !firstCompatible(parsed.first, new Set([own.first]))) continue;
      keys.add(`p:${parsed.key}`);
      keys.add(`s:${parsed.last}`);
    } else {
      keys.add(`s:${parsed.last}`);
    }
  }
  return [...keys];
}

/** The keys to look an extracted actor up by: those of its canonical name only (aliases are evidence, not identity). */
export function lookupKeys(actor: Pick<ActorNode, 'name' | 'kind'>): string[] {
  if (isArticleScoped(actor)) return [];
  if (actor.kind !== 'person') return [otherNameKey(actor.kind, actor.name)];
  const parsed = parsePersonName(actor.name);
  if (parsed === null) return [];
  if (parsed.type === 'full') return [`p:${parsed.key}`, `s:${parsed.last}`];
  if (parsed.type === 'surname') return [`s:${parsed.last}`];
  return [];
}

/** First names a stored person is known by (from its name and aliases). */
function firstNames(actor: StoredActor): Set<string> {
  const out = new Set<string>();
  for (const form of [actor.name, ...actor.aliases]) {
    const p = parsePersonName(form);
    if (p?.type === 'full') out.add(p.first);
  }
  return out;
}

/** Whether a first name is compatible with a set of known ones: equal, or one is the other's initial. */
function firstCompatible(first: string, known: Set<string>): boolean {
  if (known.size === 0) return true;
  for (const k of known) {
    if (k === first) return true;
    if ((k.length === 1 && first.startsWith(k)) || (first.length === 1 && k.startsWith(first))) return true;
  }
  return false;
}

/** Role words shared between two role lists: context that can settle an ambiguous surname. */
function sharesRole(a: readonly string[], b: readonly string[]): boolean {
  const words = (roles: readonly string[]) =>
    new Set(roles.flatMap((r) => normalizeText(r).split(' ')).filter((w) => w.length > 3 && !['former', 'deputy', 'acting'].includes(w)));
  const wa = words(a);
  for (const w of words(b)) if (wa.has(w)) return true;
  return false;
}

export interface Resolution {
  actor: StoredActor;
  reason: string;
}

/**
 * Maps an extracted actor onto a stored one, or returns null to keep it new.
 * `found` holds the stored actors under each of the actor's lookup keys.
 * - A full name meets the same full name (spellings folded), or a lone
 *   stored surname-only actor ("Trump") whose known first names do not
 *   conflict; two people who share a surname ("Joe Biden", "Hunter Biden")
 *   never meet.
 * - A bare surname ("Biden") meets a stored person with that surname only
 *   with evidence: exactly one of them shares a role word with the
 *   mention's roles (context), else none: a lone "Smith" in one article
 *   and a "John Smith" in another are not assumed to be one person.
 * - Descriptors and generic names never meet anything (article-scoped).
 * - Other kinds meet the same name of the same kind (Moscow = Russia).
 */
export function resolveActor(actor: ActorNode, found: ReadonlyMap<string, readonly StoredActor[]>): Resolution | null {
  const sameKind = (xs: readonly StoredActor[] | undefined) => uniqueById((xs ?? []).filter((x) => x.kind === actor.kind));
  const pick = (xs: StoredActor[], reason: string): Resolution | null => {
    if (xs.length === 1) return { actor: xs[0]!, reason };
    const own = xs.find((x) => x.id === actor.id);
    if (own) return { actor: own, reason: `${reason} (own id)` };
    const byRole = xs.filter((x) => sharesRole(x.roles, actor.roles));
    return byRole.length === 1 ? { actor: byRole[0]!, reason: `${reason}, settled by role` } : null;
  };
  if (isArticleScoped(actor)) return null;
  if (actor.kind !== 'person') {
    const key = otherNameKey(actor.kind, actor.name);
    return pick(sameKind(found.get(key)), `same name (${key})`);
  }
  const parsed = parsePersonName(actor.name);
  if (parsed === null) return null;
  if (parsed.type === 'full') {
    const full = sameKind(found.get(`p:${parsed.key}`));
    if (full.length > 0) return pick(full, `same full name (${parsed.key})`) ?? pickFirst(full, actor);
    const bySurname = sameKind(found.get(`s:${parsed.last}`)).filter((x) => firstCompatible(parsed.first, firstNames(x)));
    return pick(bySurname, `surname ${parsed.last} with no conflicting first name`);
  }
  if (parsed.type === 'surname') {
    const withRole = sameKind(found.get(`s:${parsed.last}`)).filter((x) => x.id === actor.id || sharesRole(x.roles, actor.roles));
    return withRole.length === 1 ? { actor: withRole[0]!, reason: `surname ${parsed.last}, settled by role` } : null;
  }
  return null;
}

/** Several stored actors under one full name (a user split): the one with the smallest id, deterministically. */
function pickFirst(xs: StoredActor[], actor: ActorNode): Resolution {
  const own = xs.find((x) => x.id === actor.id);
  const chosen = own ?? [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
  return { actor: chosen, reason: 'same full name, first of several' };
}

function uniqueById(xs: readonly StoredActor[]): StoredActor[] {
  const m = new Map<string, StoredActor>();
  for (const x of xs) if (!m.has(x.id)) m.set(x.id, x);
  return [...m.values()];
}

/**
 * Rewrites an article graph onto resolved actor ids: the stored actor's id,
 * name and kind, with the extracted name and aliases added as aliases and
 * the roles kept. Statements, mentions and references follow. Pure.
 */
export function applyIdentity(graph: ArticleGraph, mapping: ReadonlyMap<string, StoredActor>): ArticleGraph {
  if (mapping.size === 0) return graph;
  const to = (id: string) => mapping.get(id)?.id ?? id;
  const toNull = (id: string | null) => (id === null ? null : to(id));
  const actors = new Map<string, ActorNode>();
  for (const a of graph.actors) {
    const target = mapping.get(a.id);
    const node: ActorNode = target
      ? { id: target.id, name: target.name, kind: target.kind as ActorNode['kind'], aliases: [a.name, ...a.aliases].filter((x) => x !== target.name), roles: [...a.roles] }
      : { ...a, aliases: [...a.aliases], roles: [...a.roles] };
    const seen = actors.get(node.id);
    if (seen) {
      seen.aliases = [...new Set([...seen.aliases, ...node.aliases])];
      seen.roles = [...new Set([...seen.roles, ...node.roles])];
    } else {
      actors.set(node.id, node);
    }
  }
  return {
    ...graph,
    actors: [...actors.values()],
    statements: graph.statements.map((s) => ({
      ...s,
      speakerId: toNull(s.speakerId),
      aboutIds: [...new Set(s.aboutIds.map(to))],
      addresseeId: toNull(s.addresseeId),
      viaId: toNull(s.viaId),
    })),
    mentions: [...new Set(graph.mentions.map(to))],
  };
}
