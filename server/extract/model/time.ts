/** Words of time expressions: data only, applied by stages/05-time.ts. */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Abbreviated months as written in wire copy ("Aug. 18", "Sept. 3"). */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'];

/**
 * Words that put what follows in the future: a month or weekday after one of them in the same clause
 * ("will meet on Friday", "talks before the summit in June", "the vote scheduled for May") is the next
 * one, not the last. Checked only in the words before the expression, so "said on Friday he will go"
 * keeps the past Friday.
 */
export const FUTURE_MARKERS = ['will', 'shall', 'would', 'next', 'upcoming', 'forthcoming', 'scheduled', 'planned', 'plans', 'plan', 'due', 'expected', 'aims', 'aim', 'intends', 'ahead'];
/** Contracted future auxiliaries, written after a word ("we'll"). */
export const FUTURE_CLITICS = ["'ll", '’ll'];
/** Past-tense saying verbs: one after the last future marker dates the saying ("he will go, she told reporters on Monday"). */
export const PAST_SAYING = ['said', 'told', 'announced', 'added', 'stated', 'wrote', 'tweeted', 'confirmed'];
/** Words that keep a following month or weekday in the past even after a future marker. */
export const PAST_MARKERS = ['last', 'ago', 'earlier', 'previous', 'since'];
