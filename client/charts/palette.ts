import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';

/**
 * Colours shared by the charts. Cue classes are grouped the way readers ask
 * about them: hostile (accuse, warn, criticize, deny, demand) in warm hues,
 * support in green, neutral reporting (say, report, describe, announce, ask)
 * in cool hues. Chosen to stay distinct for the common colour-vision
 * deficiencies (no red/green pair without a lightness difference).
 */
export const CUE_COLORS: Readonly<Record<string, string>> = {
  accuse: '#c0392b',
  warn: '#e67e22',
  criticize: '#d35400',
  deny: '#8e44ad',
  demand: '#b03a6f',
  support: '#1e8449',
  say: '#2e86c1',
  report: '#5d6d7e',
  describe: '#48c9b0',
  announce: '#1f618d',
  ask: '#7fb3d5',
  // not speech (issue 15): muted, so they recede beside what was said
  belief: '#b7950b',
  intention: '#a9cce3',
  evidence: '#616a6b',
  other: '#95a5a6',
};

/** Order used by legends and filters: hostile first, then support, then neutral, then what is not speech. */
export const CUE_ORDER = ['accuse', 'warn', 'criticize', 'deny', 'demand', 'support', 'say', 'report', 'describe', 'announce', 'ask', 'belief', 'intention', 'evidence', 'other'];

/** Colour of a cue class; unknown classes fall back to "other". */
export function cueColor(cls: string | null | undefined): string {
  return (cls && CUE_COLORS[cls]) || CUE_COLORS.other!;
}

export const KIND_COLORS: Readonly<Record<string, string>> = {
  person: '#34495e',
  organization: '#7d6608',
  country: '#117864',
  media: '#6c3483',
  group: '#a04000',
  other: '#7f8c8d',
};

export function kindColor(kind: string | null | undefined): string {
  return (kind && KIND_COLORS[kind]) || KIND_COLORS.other!;
}

/**
 * Event types (the band above the timeline's lanes): colour and shape both
 * encode the type, so it reads without colour too. Okabe-Ito hues (distinct
 * for the common colour-vision deficiencies), d3's filled symbols.
 */
export const EVENT_STYLES: Readonly<Record<string, { color: string; symbol: SymbolType }>> = {
  summit: { color: '#0072b2', symbol: symbolStar },
  meeting: { color: '#009e73', symbol: symbolCircle },
  talks: { color: '#3c8fc4', symbol: symbolSquare },
  visit: { color: '#c98a00', symbol: symbolTriangle },
  call: { color: '#b05a92', symbol: symbolDiamond },
  announcement: { color: '#6b6b00', symbol: symbolWye },
  'military action': { color: '#d55e00', symbol: symbolCross },
  other: { color: '#707b7c', symbol: symbolCircle },
};

export function eventColor(type: string | null | undefined): string {
  return (type && EVENT_STYLES[type]?.color) || EVENT_STYLES.other!.color;
}

export function eventSymbol(type: string | null | undefined): SymbolType {
  return (type && EVENT_STYLES[type]?.symbol) || EVENT_STYLES.other!.symbol;
}
