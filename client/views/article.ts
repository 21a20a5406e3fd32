import { api, type EventDetail, type StatementRow } from '../api.js';
import { cueColor } from '../charts/palette.js';
import { legend } from '../charts/legend.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, externalLink, formatWhen, h, loading } from './dom.js';
import { eventLabel } from './event.js';
import { highlightedText } from './highlight.js';
import { pagedList } from './paged.js';

/**
 * Article page: the text with every statement highlighted (speaker, cue and
 * content in distinct styles), metadata and source; `?s=<statement id>`
 * selects a statement and scrolls its sentence into view; `?event=<event id>`
 * (the links of an event page) highlights the sentences that tell that event,
 * at the offsets the store keeps for this article (GET /api/events/:id).
 */
export async function articleView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const id = ctx.route.id;
  if (!id) {
    await articleListView(root, ctx);
    return;
  }
  const wait = loading('Loading article');
  root.append(wait);
  const eventId = ctx.route.params.get('event');
  try {
    const [view, event] = await Promise.all([api.article(id, ctx.signal), eventId ? api.event(eventId, ctx.signal) : Promise.resolve(null)]);
    wait.remove();
    const el = renderArticle(view.article, view.statements, ctx, ctx.route.params.get('s'), event && eventMarkOf(event, id));
    el.querySelector('.article-meta')?.after(...republication(view.article));
    root.append(el);
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}

/** "Republishes X (outlet)" and "Republished by ..." lines: who else carried this text. */
function republication(article: { republishes: { id: string; title: string; source: string | null } | null; republishedBy: { id: string; title: string; source: string | null }[] }): HTMLElement[] {
  const link = (a: { id: string; title: string; source: string | null }) => h('span', null, h('a', { href: href('article', a.id) }, a.title || a.id), a.source ? ` (${a.source})` : '');
  const out: HTMLElement[] = [];
  if (article.republishes) out.push(h('p', { class: 'republication' }, 'Republishes ', link(article.republishes), ': the same or nearly the same text, published earlier.'));
  if (article.republishedBy.length > 0) {
    const items = article.republishedBy.map(link);
    out.push(h('p', { class: 'republication' }, `Republished by ${items.length} other article${items.length === 1 ? '' : 's'}: `, ...items.flatMap((x, i) => (i === 0 ? [x] : [', ', x]))));
  }
  return out;
}

/** What the article page marks for an event: the stored spans of the sentences of this article that tell it (none if it does not report it, or its store predates them). */
interface EventMark {
  event: EventDetail;
  spans: { start: number; end: number }[];
}

function eventMarkOf(event: EventDetail, articleId: string): EventMark {
  const report = event.reports.find((r) => r.id === articleId);
  return { event, spans: (report?.sentences ?? []).map(({ start, end }) => ({ start, end })) };
}

const EVENT_SENTENCE = 'event:sentence';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The article body and its statement list; shared with the ingest preview. */
export function renderArticle(
  article: {
    title: string;
    text: string;
    url?: string | null;
    publishedAt?: string | null;
    publishedAtPrecision?: string | null;
    source?: string | null;
    language?: string | null;
    id?: string;
    licence?: { name: string; url: string; attribution: string } | null;
  },
  statements: StatementRow[],
  ctx: Pick<ViewContext, 'setParams'> | null,
  selected: string | null,
  eventMark: EventMark | null = null,
): HTMLElement {
  const items = new Map<string, HTMLElement>();
  const select = (sid: string | null, scroll = true) => {
    body.select(sid, scroll);
    for (const [k, li] of items) li.classList.toggle('is-selected', k === sid);
    ctx?.setParams({ s: sid });
  };
  const body = highlightedText(
    article.text,
    statements,
    (sid) => select(sid, false),
    (eventMark?.spans ?? []).map((sp) => ({ ...sp, id: EVENT_SENTENCE })),
  );
  const list = h('ol', { class: 'statement-index', 'aria-label': 'Statements in this article' });
  for (const s of statements) {
    const badge = h('span', { class: 'cue-badge' }, s.cueClass);
    badge.style.setProperty('--cue', cueColor(s.cueClass));
    const btn = h(
      'button',
      { type: 'button', class: 'statement-button', 'data-id': s.id },
      h('span', { class: 'who' }, s.speaker ?? s.speakerMention ?? 'unknown speaker'),
      ' ',
      badge,
      ' ',
      h('span', { class: 'content' }, s.content.length > 140 ? `${s.content.slice(0, 139)}…` : s.content),
    );
    btn.addEventListener('click', () => select(s.id));
    const extra = h(
      'div',
      { class: 'meta' },
      formatWhen(s.saidAt, s.saidAtPrecision),
      s.timeText ? ` (“${s.timeText}”)` : null,
      s.speakerId ? ' · ' : null,
      // Links say where they go: the speaker's page by name, then the targets'.
      s.speakerId ? h('a', { href: href('actor', s.speakerId) }, `${s.speaker ?? 'the speaker'}: actor page`) : null,
      s.about?.length ? ' · about: ' : null,
      ...(s.about ?? []).flatMap((a, i) => [i ? ', ' : '', h('a', { href: href('actor', a.id) }, a.name)]),
    );
    const li = h('li', null, btn, extra);
    items.set(s.id, li);
    list.append(li);
  }
  const key = legend()
    .title('Highlights')
    .items([
      { key: 'speaker', label: 'speaker', color: '#1f618d', shape: 'range' },
      { key: 'cue', label: 'cue (said, accused…)', color: '#b9770e', shape: 'range' },
      { key: 'content', label: 'what was said', color: '#f4d03f', shape: 'range' },
      { key: 'sentence', label: 'selected sentence', color: '#aed6f1', shape: 'range' },
    ])();
  const meta = h(
    'p',
    { class: 'article-meta' },
    article.source ? h('strong', null, article.source) : h('span', { class: 'muted' }, 'unknown source'),
    ' · ',
    formatWhen(article.publishedAt, article.publishedAtPrecision === 'unknown' ? null : 'day'),
    article.language && !['en', 'eng', 'und'].includes(article.language) ? ` · language: ${article.language} (not extracted)` : null,
    article.url ? ' · ' : null,
    externalLink(article.url, article.url ? `original article (${hostOf(article.url)})` : undefined),
    article.licence ? ' · text ' : null,
    article.licence ? externalLink(article.licence.url, `${article.licence.name}, ${article.licence.attribution}`) : null,
  );
  const el = h(
    'article',
    { class: 'article-view', 'data-article': article.id ?? '' },
    h('h1', { class: 'article-title' }, article.title || '(untitled)'),
    meta,
    key,
    eventMark ? eventNote(eventMark) : null,
    h('div', { class: 'split' }, body.el, h('aside', { class: 'panel' }, h('h2', null, `${statements.length} statements`), list)),
  );
  if (selected) requestAnimationFrame(() => select(selected));
  else if (eventMark?.spans.length) requestAnimationFrame(() => body.select(EVENT_SENTENCE));
  return el;
}

function eventNote(m: EventMark): HTMLElement {
  const n = m.spans.length;
  return h(
    'p',
    { class: 'event-note', role: 'note' },
    'Event: ',
    h('a', { href: href('event', m.event.id) }, eventLabel(m.event)),
    n === 1 ? ' — the sentence telling it is highlighted.'
      : n > 1 ? ` — the ${n} sentences telling it are highlighted.`
        : ' — this article has no stored sentence for it (run claimgraph backfill-events on a store written before sentence offsets were kept).',
  );
}

async function articleListView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const list = pagedList(
    ctx,
    ({ q, sort, offset, limit }, signal) => api.articles({ q, sort, offset, limit }, signal),
    (a) => h('li', null, h('a', { href: href('article', a.id) }, a.title || '(untitled)'), h('span', { class: 'muted' }, ` · ${a.source ?? 'unknown source'} · ${formatWhen(a.publishedAt)} · ${a.statements ?? 0} statements`)),
    { label: 'Articles', empty: 'No articles yet.', pageSize: 25,
      sorts: [['newest', 'Newest first'], ['oldest', 'Oldest first'], ['statements', 'Most statements'], ['title', 'By title']], listClass: 'plain-list article-list', filterPlaceholder: 'Filter by title…' },
  );
  root.append(h('h1', null, 'Articles'), list);
  await list.ready;
}
