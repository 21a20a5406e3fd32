import { describe, expect, test } from 'vitest';
import { fitsClaimSpeakers, isRoleOnly, namesCompatible, speakerRelation } from '../../server/claims/speakers.js';

describe('namesCompatible: can two names be one person', () => {
  test.each([
    { a: 'Lind', b: 'Ada Lind', ok: true },
    { a: 'Mr. Strand', b: 'Bo Strand', ok: true },
    { a: 'Senator Ada Lind', b: 'Ada Lind', ok: true },
    { a: 'A. Lind', b: 'Ada Lind', ok: true },
    { a: 'Erik Lind', b: 'Ada Lind', ok: false },
    { a: 'Bo Strand', b: 'Ada Lind', ok: false },
    { a: 'State Department', b: 'State Department', ok: true },
    { a: 'State Department', b: 'Ada Lind', ok: false },
    { a: 'Lind', b: null, ok: false },
  ])('$a / $b -> $ok', ({ a, b, ok }) => {
    expect(namesCompatible(a, b)).toBe(ok);
  });
});

describe('speakerRelation', () => {
  test.each([
    { name: 'one actor', a: { speakerId: 'x', speakerName: 'Ada Lind' }, b: { speakerId: 'x', speakerName: 'Ada Lind' }, rel: 'same' },
    { name: 'two actors, names alike', a: { speakerId: 'x', speakerName: 'Lind' }, b: { speakerId: 'y', speakerName: 'Ada Lind' }, rel: 'compatible' },
    { name: 'no speaker on one side', a: { speakerId: null, speakerName: null }, b: { speakerId: 'y', speakerName: 'Ada Lind' }, rel: 'unknown' },
    { name: 'a role only ("the minister")', a: { speakerId: 'r', speakerName: 'the minister' }, b: { speakerId: 'y', speakerName: 'Ada Lind' }, rel: 'unknown' },
    { name: 'two different people', a: { speakerId: 'x', speakerName: 'Bo Strand' }, b: { speakerId: 'y', speakerName: 'Ada Lind' }, rel: 'different' },
  ])('$name -> $rel', ({ a, b, rel }) => {
    expect(speakerRelation(a, b)).toBe(rel);
  });

  test('a role is recognised as a role, a name is not', () => {
    expect(isRoleOnly('the US president')).toBe(true);
    expect(isRoleOnly('Ada Lind')).toBe(false);
  });
});

describe('fitsClaimSpeakers: a claim never takes a second known person', () => {
  test.each([
    { name: 'no speaker fits any claim', who: null, claim: ['Ada Lind'], ok: true },
    { name: 'a surname fits the full name', who: 'Lind', claim: ['Ada Lind'], ok: true },
    { name: 'another person does not', who: 'Bo Strand', claim: ['Ada Lind'], ok: false },
    { name: 'a claim with no known speaker takes anyone', who: 'Bo Strand', claim: [], ok: true },
    { name: 'a namesake does not', who: 'Erik Lind', claim: ['Lind', 'Ada Lind'], ok: false },
  ])('$name', ({ who, claim, ok }) => {
    expect(fitsClaimSpeakers(who, claim)).toBe(ok);
  });
});
