import type { StatementRow } from '../api.js';
import { cueColor } from '../charts/palette.js';
import { href } from '../router.js';
import { formatWhen, h } from './dom.js';

/** A list of statements: speaker, cue, content, date and where it was reported; every part links onward. */
export function statementList(rows: readonly StatementRow[], opts: { empty?: string; limit?: number; label?: string } = {}): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, opts.empty ?? 'No statements.');
  const limit = opts.limit ?? 200;
  const ol = h('ol', { class: 'statement-list', 'aria-label': opts.label ?? 'Statements' });
  for (const s of rows.slice(0, limit)) ol.append(statementItem(s));
  const wrap = h('div', null, ol);
  if (rows.length > limit) wrap.append(h('p', { class: 'muted' }, `…and ${rows.length - limit} more.`));
  return wrap;
}

export function statementItem(s: StatementRow): HTMLElement {
  const badge = h('span', { class: 'cue-badge' }, s.cueClass);
  badge.style.setProperty('--cue', cueColor(s.cueClass));
  const speaker = s.speakerId ? h('a', { href: href('actor', s.speakerId) }, s.speaker ?? 'unknown') : h('span', { class: 'muted' }, s.speaker ?? 'unknown speaker');
  // The cue is shown as the article's words ("according to", "have repeatedly welcomed"), apart from the targets:
  // glued into one sentence they read "according to about X".
  const about = s.about?.length
    ? h('span', { class: 'about' }, ' · about: ', ...s.about.flatMap((a, i) => [i ? ', ' : '', h('a', { href: href('actor', a.id) }, a.name)]))
    : null;
  const content = h('blockquote', { class: s.direct ? 'content direct' : 'content' }, s.content);
  const meta = h(
    'div',
    { class: 'meta' },
    formatWhen(s.saidAt, s.saidAtPrecision),
    s.articleId ? ' · ' : null,
    s.articleId ? h('a', { href: href('article', s.articleId, { s: s.id }) }, s.articleTitle || 'article') : null,
    s.source ? ` · ${s.source}` : null,
  );
  return h('li', { class: 'statement', 'data-id': s.id }, h('div', { class: 'who' }, speaker, ' ', badge, ' ', h('span', { class: 'cue', title: 'the words of the article' }, `“${s.cue}”`), about), content, meta);
}
