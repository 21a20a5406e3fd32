import { bandMembers, bandSeq, type GraphStore } from '../graph/index.js';
import type { BandIndex } from './bands.js';
import { BandTable, type StoredBands } from './band-table.js';

/**
 * The band keys of a store, held in memory by the process that runs the
 * claims step (issue 19). The store keeps, on each article and statement,
 * the keys it was admitted under (`_bands`, written in the step's last
 * write with the completion marks, so a crash leaves keys and marks
 * together or neither), and a count of the batches the step has finished
 * (`bandSeq` on the schema version node, raised by the same write). The
 * index is built from the members once, the first time a process runs the
 * step on a store, and kept up to date by the step's own batches; when the
 * count in the store is not the one this process last wrote (another
 * process finished batches in between: a second writer on a Neo4j
 * database), the index is read again. A lookup of a candidate is then a
 * map access, not a query, and the step writes one list property per new
 * member instead of a node per key and a relationship per member.
 */

/** What the step needs of a store to keep the index. */
type Store = Pick<GraphStore, 'run'>;

interface Held {
  /** The store's count of finished batches this index reflects. */
  seq: number;
  bands: StoredBands;
}

const held = new WeakMap<Store, Held>();

/** The store's band keys as they stand, from memory when nothing else wrote since (one indexed read), else read anew. */
export async function storedBands(store: Store): Promise<Held> {
  const seq = await bandSeq(store);
  const known = held.get(store);
  if (known !== undefined && known.seq === seq) return known;
  const bands = new BandTable();
  const members = await bandMembers(store);
  for (const rows of [members.articles, members.statements]) for (const r of rows) for (const key of r.keys) bands.add(key, [r.id]);
  const fresh = { seq, bands };
  held.set(store, fresh);
  return fresh;
}

/**
 * Records that a batch's keys are stored (`seq`: the count the batch's last write returned): its additions join the
 * index when the count is the next one; otherwise (another writer finished a batch in between) the index is dropped
 * and the next batch reads it anew.
 */
export function bandsStored(store: Store, before: Held, index: BandIndex, seq: number | null): void {
  if (held.get(store) === before && seq === before.seq + 1) {
    index.commit(before.bands);
    before.seq = seq;
  } else {
    held.delete(store);
  }
}
