import { parsePersonName } from '../actors/index.js';
import { memoByString } from '../memo.js';
import { normalizeText } from './text.js';

/** A statement's speaker as the claim step sees it: the resolved actor's id and name, both null when unknown. */
export interface Speaker {
  speakerId: string | null;
  speakerName: string | null;
}

/**
 * How two statements' speakers relate, as evidence for one claim:
 * - `same`: one actor (after identity resolution);
 * - `compatible`: two actors whose names can be one person ("Lind" and
 *   "Ada Lind", "Ms. Lind" and "Ada Lind"): identity may not have
 *   joined them yet;
 * - `unknown`: one side or both without a speaker, or known only by a role
 *   ("the minister");
 * - `different`: two known actors with clearly different names. A claim
 *   never joins them, however alike the words.
 */
export type SpeakerRelation = 'same' | 'compatible' | 'unknown' | 'different';

/** See SpeakerRelation. */
export function speakerRelation(a: Speaker, b: Speaker): SpeakerRelation {
  if (a.speakerId !== null && a.speakerId === b.speakerId) return 'same';
  if (a.speakerId === null || b.speakerId === null) return 'unknown';
  const fa = a.speakerName === null ? null : nameForm(a.speakerName);
  const fb = b.speakerName === null ? null : nameForm(b.speakerName);
  // A role without a name ("the minister") says who in this article, not who in the world: no evidence either way.
  if (fa?.roleOnly === true || fb?.roleOnly === true) return 'unknown';
  return formsCompatible(fa, fb) ? 'compatible' : 'different';
}

/** A name made only of titles ("the minister", "the US president"). */
export function isRoleOnly(name: string | null): boolean {
  return name !== null && nameForm(name).roleOnly;
}

/** What the speaker tests read of a name, remembered as one answer (the test of every candidate pair asks). */
interface NameForm {
  norm: string;
  parsed: ReturnType<typeof parsePersonName>;
  roleOnly: boolean;
}

const nameForm: (name: string) => NameForm = memoByString((name) => {
  const parsed = parsePersonName(name);
  return { norm: normalizeText(name), parsed, roleOnly: parsed?.type === 'descriptor' };
}, 20_000);

/**
 * Whether two names can be one person: the same parsed name; one a surname
 * and the other a full name with that surname; two full names with the same
 * surname whose first names agree (one an initial of the other). Titles are
 * dropped first ("Ms. Lind" is a surname). Non-person names must be equal
 * after normalisation. A missing name is never compatible.
 */
export function namesCompatible(a: string | null, b: string | null): boolean {
  return formsCompatible(a === null ? null : nameForm(a), b === null ? null : nameForm(b));
}

function formsCompatible(fa: NameForm | null, fb: NameForm | null): boolean {
  if (fa === null || fb === null) return false;
  if (fa.norm === fb.norm) return true;
  const pa = fa.parsed;
  const pb = fb.parsed;
  if (pa === null || pb === null || pa.type === 'descriptor' || pb.type === 'descriptor') return false;
  if (pa.last !== pb.last) return false;
  if (pa.type === 'surname' || pb.type === 'surname') return true;
  return pa.first === pb.first || (pa.first.length === 1 && pb.first.startsWith(pa.first)) || (pb.first.length === 1 && pa.first.startsWith(pb.first));
}

/** Whether a speaker may join a claim whose known speakers are these names: none of them clearly someone else. */
export function fitsClaimSpeakers(name: string | null, claimSpeakers: readonly string[]): boolean {
  if (name === null || isRoleOnly(name)) return true;
  return claimSpeakers.every((c) => isRoleOnly(c) || namesCompatible(name, c));
}
