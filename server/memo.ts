/**
 * A pure function of one string, remembered for its recent arguments. The
 * claims step asks the same questions again and again within an article and
 * across a batch (a speaker's name parsed for every candidate pair, a stored
 * article's text normalised each time it is a candidate): remembering the
 * answer turns that repeated work into a map lookup.
 *
 * Two generations of at most `size` entries each: when the newer one fills,
 * the older is dropped, so memory stays bounded (at most 2 x size entries)
 * and an argument asked again recently survives the turnover. An argument
 * longer than `maxLength` is not remembered (a whole article's text: kept,
 * it and its answer would hold megabytes for the garbage collector to walk,
 * for a question rarely asked twice). Only for pure functions whose answer
 * callers do not modify (answers are shared).
 */
export function memoByString<T>(fn: (arg: string) => T, size: number, maxLength = Number.POSITIVE_INFINITY): (arg: string) => T {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  return (arg: string): T => {
    if (arg.length > maxLength) return fn(arg);
    // One lookup for a remembered answer (a second only when the answer is undefined itself).
    const hit = young.get(arg);
    if (hit !== undefined || young.has(arg)) return hit as T;
    const kept = old.get(arg);
    const value = kept !== undefined || old.has(arg) ? (kept as T) : fn(arg);
    if (young.size >= size) {
      old = young;
      young = new Map();
    }
    young.set(arg, value);
    return value;
  };
}
