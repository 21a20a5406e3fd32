import { api, type ClaimDetail, type StatementRow } from '../api.js';
import { timeline } from '../charts/timeline.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, formatWhen, h, loading } from './dom.js';
import { pagedList } from './paged.js';

/**
 * Claim page: one claim, every article and source that carried it, first
 * seen, and a small propagation timeline (one lane per source, by the date
 * each article was published).
 */
export async function claimView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const id = ctx.route.id;
  if (!id) {
    await claimListView(root, ctx);
    return;
  }
  const wait = loading('Loading claim');
  root.append(wait);
  try {
    const view = await api.claim(id, ctx.signal);
    wait.remove();
    const c = view.claim;
    const rows = view.statements ?? [];
    const when = (s: StatementRow) => s.publishedAt ?? s.saidAt;
    const first = [...rows].filter(when).sort((a, b) => (when(a)! < when(b)! ? -1 : 1))[0];
    const sources = new Set(rows.map((r) => r.source ?? '(unknown source)'));
    root.append(
      h('h1', null, 'Claim'),
      h('blockquote', { class: 'claim-text' }, c.text),
      h('p', null, `Carried by ${sources.size} source${sources.size === 1 ? '' : 's'} in ${new Set(rows.map((r) => r.articleId)).size} articles. First seen ${formatWhen(c.firstSeen)}${first?.source ? ` (${first.source})` : ''}, last seen ${formatWhen(c.lastSeen)}.`),
    );
    const chart = timeline<StatementRow>()
      .id((d) => d.id)
      .start((d) => (when(d) ? new Date(when(d)!) : null))
      .lane((d) => d.source ?? '(unknown source)')
      .colorKey((d) => (d.id === first?.id ? 'first seen' : 'repeated'))
      .color((k) => (k === 'first seen' ? '#c0392b' : '#2e86c1'))
      .legendTitle('Report')
      .title('Propagation by source')
      .describe((d) => [d.source ?? 'unknown source', d.articleTitle ?? '', formatWhen(when(d))])
      .width(Math.max(600, ctx.width()))
      .laneHeight(22)
      .on('select', (d) => d.articleId && ctx.go(href('article', d.articleId, { s: d.id })));
    root.append(h('h2', null, 'Propagation'), h('div', { class: 'chart-host' }, chart(rows)), h('h2', null, 'Every report'), reportsTable(view, rows, c.text));
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}

/**
 * One row per report: who carried it (outlet, article, date), who said it
 * there, and whether the article is a republication of another; the words
 * only where a report's differ from the claim's, so a sentence carried 26
 * times is not printed 26 times.
 */
function reportsTable(view: ClaimDetail, rows: StatementRow[], claimText: string): HTMLElement {
  const articles = new Map(view.articles.map((a) => [a.id, a]));
  const titleOf = (id: string) => articles.get(id)?.title || id;
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  return h(
    'table',
    { class: 'reports-table' },
    h('thead', null, h('tr', null, ...['Outlet', 'Article', 'Published', 'Said by', 'Words', 'Note'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, ...rows.map((r) => {
      const article = r.articleId ? articles.get(r.articleId) : undefined;
      const original = article?.republishes ?? null;
      return h('tr', { 'data-statement': r.id },
        h('td', null, r.source ?? h('span', { class: 'muted' }, 'unknown outlet')),
        h('td', null, r.articleId ? h('a', { href: href('article', r.articleId, { s: r.id }) }, r.articleTitle || r.articleId) : '—'),
        h('td', null, formatWhen(r.publishedAt ?? r.saidAt)),
        h('td', null, r.speakerId ? h('a', { href: href('actor', r.speakerId) }, r.speaker ?? r.speakerId) : h('span', { class: 'muted' }, 'not named')),
        h('td', null, norm(r.content) === norm(claimText) ? h('span', { class: 'muted' }, 'as above') : r.content),
        h('td', null, original ? h('span', null, 'republishes ', h('a', { href: href('article', original) }, titleOf(original))) : ''));
    })),
  );
}

/** Claims, paged on the server with a words filter: `#/claim`. */
async function claimListView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const list = pagedList(
    ctx,
    ({ q, sort, offset, limit }, signal) => api.claims({ q, sort, offset, limit }, signal),
    (c) => h('li', null, h('a', { href: href('claim', c.id) }, c.text), h('span', { class: 'muted' }, ` · ${c.sources} source${c.sources === 1 ? '' : 's'}, ${c.articles} articles · first seen ${formatWhen(c.firstSeen)}`)),
    { label: 'Claims', empty: 'No claims yet.', pageSize: 25,
      sorts: [['recent', 'Most recently seen'], ['oldest', 'First seen earliest'], ['reports', 'Most reported'], ['sources', 'Most outlets']], listClass: 'plain-list claim-list' },
  );
  root.append(h('h1', null, 'Claims'), h('p', { class: 'muted' }, 'Statements reported in more than one article, grouped into one claim.'), list);
  await list.ready;
}
