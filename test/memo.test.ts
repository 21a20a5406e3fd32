import { describe, expect, it } from 'vitest';
import { memoByString } from '../server/memo.js';

/** A function that counts its calls per argument. */
function counted<T>(fn: (s: string) => T) {
  const calls = new Map<string, number>();
  const wrapped = (s: string) => {
    calls.set(s, (calls.get(s) ?? 0) + 1);
    return fn(s);
  };
  return { wrapped, calls };
}

describe('memoByString', () => {
  it('answers as the function does, computing each recent argument once', () => {
    const { wrapped, calls } = counted((s) => s.toUpperCase());
    const memo = memoByString(wrapped, 4);
    expect(['a', 'b', 'a', 'a', 'b'].map(memo)).toEqual(['A', 'B', 'A', 'A', 'B']);
    expect(calls.get('a')).toBe(1);
    expect(calls.get('b')).toBe(1);
  });

  it('remembers null and undefined answers too', () => {
    const { wrapped, calls } = counted((s) => (s === 'none' ? null : undefined));
    const memo = memoByString(wrapped, 4);
    expect([memo('none'), memo('none'), memo('u'), memo('u')]).toEqual([null, null, undefined, undefined]);
    expect(calls.get('none')).toBe(1);
    expect(calls.get('u')).toBe(1);
  });

  it('keeps at most two generations of `size` arguments: an argument not asked for since is computed again', () => {
    const { wrapped, calls } = counted((s) => s.length);
    const memo = memoByString(wrapped, 2);
    // 'a', 'b' fill the first generation; 'c', 'd' the second; 'e' drops the first.
    for (const s of ['a', 'b', 'c', 'd', 'e']) memo(s);
    memo('c'); // still remembered (second generation)
    memo('a'); // forgotten: computed again
    expect(calls.get('c')).toBe(1);
    expect(calls.get('a')).toBe(2);
  });

  it('keeps an argument asked again recently across a turnover', () => {
    const { wrapped, calls } = counted((s) => s.length);
    const memo = memoByString(wrapped, 2);
    for (const s of ['a', 'b', 'c', 'a', 'd', 'e', 'a']) memo(s);
    expect(calls.get('a')).toBe(1);
  });

  it('does not remember an argument longer than maxLength', () => {
    const { wrapped, calls } = counted((s) => s.length);
    const memo = memoByString(wrapped, 4, 3);
    for (const s of ['abc', 'abc', 'abcd', 'abcd']) memo(s);
    expect(calls.get('abc')).toBe(1);
    expect(calls.get('abcd')).toBe(2);
  });
});
