import { franc } from 'franc-min';

/** Below this many words the detector's guess is noise (short texts are "und", treated as English). */
const MIN_WORDS = 20;

/**
 * ISO 639-3 code of the text's language ("eng"), or "und" when the text is
 * too short to tell. The pipeline extracts "eng" and "und" only.
 */
export function detectLanguage(text: string): string {
  // franc is slow and no more accurate on long inputs; the first few thousand characters decide.
  const sample = text.slice(0, 4000);
  const words = sample.trim().split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS) return 'und';
  return franc(sample);
}
