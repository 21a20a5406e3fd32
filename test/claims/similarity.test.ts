import { describe, expect, test } from 'vitest';
import { contradiction, prepare, sameClaim, type ClaimStatement } from '../../server/claims/similarity.js';
import { timesCompatible } from '../../server/claims/times.js';

/** A statement of article `articleId` by `speakerId`; times unknown unless given. */
function st(content: string, extra: Partial<ClaimStatement> = {}): ClaimStatement {
  return {
    id: `stm_${content.length}_${extra.articleId ?? 'a'}`,
    articleId: 'art_a',
    content,
    cueClass: 'say',
    saidAt: null,
    saidAtPrecision: 'unknown',
    articleDate: '2025-08-21T10:00:00Z',
    speakerId: 'act_putin',
    speakerName: 'Vladimir Putin',
    direct: true,
    aboutIds: [],
    ...extra,
  };
}

describe('sameClaim', () => {
  test.each([
    { name: 'verbatim repeat', a: 'We will win this war', b: 'We will win this war', same: true, how: 'verbatim' },
    { name: 'trimmed quote', a: "To the critics, I'd probably like to just say, oh, shut up and go sit in the corner.", b: 'shut up and go sit in the corner', same: true, how: 'trimmed or extended quote' },
    { name: 'short trimmed quote ("shut up")', a: "'shut up.'", b: 'oh, shut up and go sit in the corner', same: true, how: 'trimmed or extended quote' },
    { name: 'light paraphrase of indirect speech (the seed page pair): 5 of 6 words in order', a: "the US president's 'sincere' desire to achieve peace", b: "Trump's 'sincere' desire to achieve peace", same: true, how: 'edited quote (0.833 of the words in order)' },
    { name: 'quote with a word added and inflections changed', a: 'We will need peacekeeping operations which allies of Ukraine are willing to supply.', b: 'We need peacekeeping operations which the allies of Ukraine are willing to supply', same: true, how: 'edited quote' },
    { name: 'paraphrase with plurals and word order changed', a: 'the ministers promise new elections in the regions', b: 'new election in the region, the minister promises', same: true, how: 'paraphrase' },
    { name: 'a quote gaining a "not" is not an edit of it', a: 'We will accept the peace plan as it stands today', b: 'We will not accept the peace plan as it stands today', same: false, how: 'opposite polarity' },
    { name: 'contained after different leading words', a: 'That keeps the town alive', b: 'Not closing the school keeps the town alive', same: true, how: 'trimmed quote (leading words differ)' },
    { name: 'figures written differently', a: 'Sales fell by 2.6million units', b: 'sales fell by 2,600,000 units', same: true, how: 'verbatim' },
    { name: 'the same figure in words and in digits, with a currency sign', a: 'the deal is worth $3bn to the region', b: 'the deal is worth three billion dollars to the region', same: true, how: 'verbatim' },
    { name: 'a different figure', a: 'the deal is worth $3bn to the region', b: 'the deal is worth $4bn to the region', same: false, how: 'different content' },
    { name: 'a negation in another clause of the longer quote', a: 'the talks were useful and the ceasefire will hold', b: 'the talks were useful and the ceasefire will hold, but the border will not open soon', same: true, how: 'trimmed or extended quote' },
    { name: 'paraphrase whose other clause is negated', a: 'the ceasefire held overnight across the region', b: 'across the region the ceasefire held overnight; nobody expects peace talks', same: true, how: 'paraphrase' },
    { name: 'a list reported in other words, "aren\'t just" negating nothing', a: 'the mayor is a coward, a cheat and a bully', b: "you aren't just a coward, you are a cheat and a bully", same: true, how: 'paraphrase' },
    { name: '"whether or not" negates nothing', a: 'it depends on whether or not they want the deal', b: 'it depends on whether they want the deal', same: true, how: 'edited quote' },
    { name: 'same speaker, another subject sharing two words', a: "Kiev's membership in NATO to be out of the question", b: "provoking the Ukraine conflict by backing Kiev's NATO ambitions despite Moscow's legitimate concerns", same: false, how: 'different content' },
    { name: 'same words, different figures', a: 'the war has killed more than 62,000 Palestinians', b: 'the war has killed more than 61,000 Palestinians', same: false, how: 'different content' },
    { name: 'opposite polarity', a: 'We will accept the peace plan', b: 'We will not accept the peace plan', same: false, how: 'opposite polarity' },
    { name: 'a short generic statement is not absorbed by a long one', a: 'progress has been made', b: 'progress had been made toward a peace deal after long talks in Anchorage', same: false, how: 'different content' },
  ])('$name', ({ a, b, same, how }) => {
    const d = sameClaim(prepare(st(a)), prepare(st(b, { articleId: 'art_b' })));
    expect(d.same).toBe(same);
    expect(d.reason).toContain(how);
  });

  test('when two different known people say the same words, they are not the same claim', () => {
    const d = sameClaim(prepare(st('We will win this war')), prepare(st('We will win this war', { speakerId: 'act_other', speakerName: 'Olena Marchuk' })));
    expect(d).toEqual({ same: false, score: 0, reason: 'different speakers' });
  });

  test('when the speaker is unknown, a short quote is not the same claim', () => {
    const d = sameClaim(prepare(st('We will win this war', { speakerId: null, speakerName: null })), prepare(st('We will win this war', { speakerId: null, speakerName: null })));
    expect(d.same).toBe(false);
    expect(d.reason).toContain('too little repeated word for word');
  });

  test('the seed page pair scores 0.9 x 5/6: five of the shorter side\'s six words found in order', () => {
    const d = sameClaim(prepare(st("the US president's 'sincere' desire to achieve peace")), prepare(st("Trump's 'sincere' desire to achieve peace")));
    expect(d.score).toBeCloseTo(0.9 * (5 / 6), 3);
  });
});

describe('timesCompatible', () => {
  const d = (saidAt: string | null, saidAtPrecision: string, articleDate: string | null = '2025-08-21') => ({ saidAt, saidAtPrecision, articleDate });
  test.each([
    { name: 'same day', a: d('2025-08-18', 'day'), b: d('2025-08-18', 'day'), ok: true },
    { name: 'three days apart (misresolved weekday)', a: d('2025-08-18', 'day'), b: d('2025-08-21', 'day'), ok: true },
    { name: 'nineteen days apart', a: d('2025-08-01', 'day'), b: d('2025-08-20', 'day'), ok: false },
    { name: 'a day inside a month', a: d('2025-08-20', 'day'), b: d('2025-08-01', 'month'), ok: true },
    { name: 'a day inside a week', a: d('2025-08-20', 'day'), b: d('2025-08-18', 'week'), ok: true },
    { name: 'unknown times, reports a week apart', a: d(null, 'unknown', '2025-08-14'), b: d(null, 'unknown', '2025-08-21'), ok: true },
    { name: 'unknown times, reports a month apart', a: d(null, 'unknown', '2025-07-14'), b: d(null, 'unknown', '2025-08-21'), ok: false },
    { name: 'nothing known', a: d(null, 'unknown', null), b: d(null, 'unknown', null), ok: true },
    // A late report of an older statement is compared by the time it states, not by its own date.
    { name: 'a report 41 days later of what was said on the day of the first report', a: d(null, 'unknown', '2025-03-03'), b: d('2025-03-03', 'day', '2025-04-13'), ok: true },
    { name: 'a report 41 days later with no time of its own', a: d(null, 'unknown', '2025-03-03'), b: d(null, 'unknown', '2025-04-13'), ok: false },
    { name: 'its stated time a month before the other report', a: d(null, 'unknown', '2025-04-03'), b: d('2025-03-03', 'day', '2025-04-13'), ok: false },
  ])('$name', ({ a, b, ok }) => {
    expect(timesCompatible(a, b).ok).toBe(ok);
  });

  test.each([
    { name: 'a long quotation re-quoted 150 days later', gap: '2025-07-29', ok: true },
    { name: 'a long quotation re-quoted 250 days later', gap: '2025-11-06', ok: false },
  ])('$name (long verbatim quotation window)', ({ gap, ok }) => {
    expect(timesCompatible(d(null, 'unknown', '2025-03-01'), d(null, 'unknown', gap), true).ok).toBe(ok);
  });
});

describe('contradiction', () => {
  test('different speakers, opposite polarity, same subject: a candidate scored 0.9 x similarity', () => {
    const a = st('Russia will attend the summit in Alaska', { speakerId: 'act_kremlin', speakerName: 'Kremlin', aboutIds: ['act_russia'] });
    const b = st('Russia will not attend the summit in Alaska', { speakerId: 'act_kyiv', speakerName: 'Kyiv', aboutIds: ['act_russia'], articleId: 'art_b' });
    const c = contradiction(prepare(b), prepare(a));
    expect(c).toEqual({ contradicts: true, score: 0.9, reason: 'opposite polarity ("not"); different speakers about the same subject' });
  });

  test('one speaker saying opposite things on different days: a candidate scored 0.8 x similarity', () => {
    const a = st('We accept the peace plan', { saidAt: '2025-08-01', saidAtPrecision: 'day' });
    const b = st('We reject the peace plan', { saidAt: '2025-08-10', saidAtPrecision: 'day', articleId: 'art_b' });
    expect(contradiction(prepare(b), prepare(a))).toEqual({ contradicts: true, score: 0.8, reason: 'opposite polarity ("reject"); same speaker at different times' });
  });

  test('a denial of an accusation is a candidate, the cue giving the polarity', () => {
    const a = st('Israel is blocking aid deliveries to Gaza', { cueClass: 'accuse', speakerId: 'act_un', speakerName: 'United Nations', aboutIds: ['act_israel'] });
    const b = st('Israel is blocking aid deliveries to Gaza', { cueClass: 'deny', speakerId: 'act_israel', speakerName: 'Israel', aboutIds: ['act_israel'], articleId: 'art_b' });
    const c = contradiction(prepare(b), prepare(a));
    expect(c.contradicts).toBe(true);
    expect(c.reason).toContain('(cue: deny)');
  });

  test.each([
    { name: 'same polarity', a: st('Russia will attend the summit', { aboutIds: ['r'] }), b: st('Russia will attend the summit', { speakerId: 'x', speakerName: 'Ivan Petrov', aboutIds: ['r'], articleId: 'art_b' }), reason: 'no clause says the same with opposite polarity' },
    { name: 'no shared subject', a: st('Russia will attend the summit', { aboutIds: ['r'] }), b: st('Russia will not attend the summit', { speakerId: 'x', speakerName: 'Ivan Petrov', aboutIds: ['u'], articleId: 'art_b' }), reason: 'no shared subject' },
    { name: 'same speaker at the same time', a: st('We accept the peace plan'), b: st('We reject the peace plan'), reason: 'same speaker at the same time' },
    { name: 'different propositions', a: st('Russia will attend the summit in Alaska', { aboutIds: ['r'] }), b: st('Ukraine will not sign any binding documents', { speakerId: 'x', speakerName: 'Ivan Petrov', aboutIds: ['r'], articleId: 'art_b' }), reason: 'no clause says the same with opposite polarity' },
    // Polarity per clause: a negation in a clause about something else flips nothing.
    { name: 'the negation is in another clause', a: st('Russia will attend the summit in Alaska', { aboutIds: ['r'] }), b: st('Russia will attend the summit in Alaska, but it will not sign anything', { speakerId: 'x', speakerName: 'Ivan Petrov', aboutIds: ['r'], articleId: 'art_b' }), reason: 'no clause says the same with opposite polarity' },
  ])('not a candidate: $name', ({ a, b, reason }) => {
    expect(contradiction(prepare(b), prepare(a))).toEqual({ contradicts: false, score: 0, reason });
  });
});
