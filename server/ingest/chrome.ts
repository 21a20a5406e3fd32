/**
 * Rule data for page chrome in plain text: the lines aggregator and news
 * pages put around articles. Data only; split.ts and text.ts apply it.
 */

/** A line that opens the list of other articles on an aggregator page. */
export const RELATED_MARKERS: readonly RegExp[] = [
  /^(related|similar|recommended)( articles?| stories| news| posts| reads?| content| reading)?:?$/i,
  /^(more|latest|other|trending|top|popular) (articles|stories|news|posts|reads|headlines)( for you)?:?$/i,
  /^more (from|on|in) .{1,40}:?$/i,
  /^read (more|next|also):?$/i,
  /^(also read|further reading|see also):?$/i,
  /^you (may|might) also (like|enjoy|be interested in):?$/i,
];

/** Whole lines that are never article text, wherever they occur at an article's edge. */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  /^#?hashtags?:?$/i,
  /^tags?:?$/i,
  /^topics?:?$/i,
  /^comments?( \(\d+\))?:?$/i,
  /^\d+ comments?$/i,
  /^no comments( yet)?\s*(\.\.\.|…|\.)?$/i,
  /^be the first to comment\.?$/i,
  /^(leave|post|add|write) a (comment|reply)\.?$/i,
  /^(show|view|load) (more )?comments$/i,
  /^try our ai features$/i,
  /^explore what .{1,60} can do for you:?$/i,
  /^share( this)?( article| story| post| page)?( on [\w ]+)?:?$/i,
  /^(facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|print|copy link)$/i,
  /^advertisement$/i,
  /^(sponsored|promoted)( content)?$/i,
  /^(sign up|subscribe)( (now|today|to (our|the) newsletter))?[.!]?$/i,
  /^follow us( on [\w ,]+)?:?$/i,
  /^(read|see) more:?$/i,
  /^(skip to (main )?content|back to top|menu|home)$/i,
  ...RELATED_MARKERS,
];

/** True when a trimmed line is a known chrome line ("Hashtags", "No comments yet..."). */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  return s !== '' && BOILERPLATE_LINES.some((re) => re.test(s));
}

/** True when a trimmed line opens a "Related Articles"-style list. */
export function isRelatedMarker(line: string): boolean {
  const s = line.trim();
  return s !== '' && RELATED_MARKERS.some((re) => re.test(s));
}
