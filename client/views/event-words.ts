/**
 * Last words that say a participant is a body, not a person: an unnamed
 * event's label keeps such a participant's whole name ("United States", not
 * "States"; "Royal Saudi Air Force", not "Force"). Data for ./event.ts.
 */
export const BODY_WORDS = new Set([
  'states', 'kingdom', 'republic', 'union', 'nations', 'emirates', 'force', 'forces', 'army', 'navy', 'police', 'guard', 'fund', 'bank',
  'organization', 'organisation', 'party', 'council', 'ministry', 'department', 'government', 'house', 'court', 'congress', 'senate',
  'parliament', 'commission', 'committee', 'agency', 'office', 'administration', 'campaign', 'association', 'federation', 'alliance',
  'company', 'corporation', 'group', 'leaders', 'officials', 'press', 'news', 'times', 'post', 'university', 'school', 'church',
]);
