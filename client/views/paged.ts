import { api } from '../api.js';
import type { ViewContext } from './context.js';
import { errorBox, h } from './dom.js';
import { statementItem } from './statements.js';

/** Statements a paged list shows at once; a prolific actor's page stays a few screens tall. */
export const PAGE_SIZE = 10;

/** One page of a server-paged list: the items shown and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A list paged on the server: a words filter, an optional order menu (changing
 * it keeps the filter and goes back to page 1), and
 * Previous / Next with "1–10 of 3,120". `fetchPage` asks the API for one
 * page; nothing beyond the page shown is loaded. Used by the actor page's
 * statements, the article and claim lists and search results.
 */
export function pagedList<T>(
  ctx: Pick<ViewContext, 'signal'>,
  fetchPage: (opts: { q: string | undefined; order: 'asc' | 'desc'; sort: string; offset: number; limit: number }, signal: AbortSignal) => Promise<Page<T>>,
  render: (item: T) => HTMLElement,
  opts: { label: string; empty: string; pageSize?: number; orders?: boolean; sorts?: ReadonlyArray<Sort>; listClass?: string; filterPlaceholder?: string },
): PagedList {
  const size = opts.pageSize ?? PAGE_SIZE;
  let offset = 0;
  let total = 0;
  let controller: AbortController | null = null;
  const filter = h('input', { type: 'search', class: 'paged-filter', placeholder: opts.filterPlaceholder ?? 'Filter by words…', 'aria-label': `Filter ${opts.label}` });
  // `sorts`: the list's own orders (the API's `sort` values), the first the default; else newest/oldest (`order`).
  const sorts = opts.sorts ?? TIME_ORDERS;
  const order = h('select', { class: 'paged-order', 'aria-label': `Order of ${opts.label}` }, ...sorts.map(([value, label]) => h('option', { value }, label)));
  const list = h('ol', { class: opts.listClass ?? 'plain-list', 'aria-label': opts.label });
  const status = h('span', { class: 'paged-status', role: 'status' });
  const prev = h('button', { type: 'button', class: 'paged-prev' }, 'Previous');
  const next = h('button', { type: 'button', class: 'paged-next' }, 'Next');
  const errors = h('div', { 'aria-live': 'assertive' });

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    prev.disabled = next.disabled = true;
    status.textContent = 'Loading…';
    try {
      const q = filter.value.trim();
      const page = await fetchPage({ q: q || undefined, order: order.value === 'asc' ? 'asc' : 'desc', sort: order.value, offset, limit: size }, signal);
      total = page.total;
      errors.replaceChildren();
      list.replaceChildren(...page.items.map(render));
      if (page.items.length === 0) list.replaceChildren(h('li', { class: 'muted' }, q ? `Nothing matches “${q}”.` : opts.empty));
      status.textContent = total === 0 ? '' : `${(offset + 1).toLocaleString('en')}–${(offset + page.items.length).toLocaleString('en')} of ${total.toLocaleString('en')}`;
      prev.disabled = offset === 0;
      next.disabled = offset + size >= total;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      status.textContent = '';
      errors.replaceChildren(errorBox(err));
    }
  }
  prev.addEventListener('click', () => {
    offset = Math.max(0, offset - size);
    void load();
  });
  next.addEventListener('click', () => {
    offset += size;
    void load();
  });
  const restart = () => {
    offset = 0;
    void load();
  };
  filter.addEventListener('change', restart);
  order.addEventListener('change', restart);
  const el = h(
    'div',
    { class: 'paged' },
    h('div', { class: 'toolbar paged-controls' }, filter, opts.orders === false ? null : order),
    errors,
    list,
    h('div', { class: 'toolbar paged-pager' }, prev, status, next),
  ) as PagedList;
  // A view awaits its first page before it says it is ready (main[data-ready]).
  el.ready = load();
  return el;
}

/** One choice of a list's order menu: the API's `sort` value and its label. */
export type Sort = readonly [value: string, label: string];
const TIME_ORDERS: ReadonlyArray<Sort> = [['desc', 'Newest first'], ['asc', 'Oldest first']];

/** A paged list's element; `ready` settles once its first page is shown (or its error). */
export type PagedList = HTMLDivElement & { ready: Promise<void> };

/** Statements paged on the server (GET /api/statements); `base` fixes what the list is about (a speaker, a target, search words). */
export function pagedStatements(
  ctx: Pick<ViewContext, 'signal'>,
  base: { speaker?: string[]; about?: string[]; q?: string },
  opts: { label: string; empty: string; pageSize?: number },
): PagedList {
  return pagedList(
    ctx,
    // The API filters by one text: the user's words, when given, replace the list's own (search results start from the searched words).
    ({ q, order, offset, limit }, signal) => api.statements({ ...base, q: q ?? base.q, order, offset, limit }, signal),
    statementItem,
    { ...opts, listClass: 'statement-list' },
  );
}

/** The first `shown` items of a list, with a button that shows the rest. */
export function expandable<T>(items: readonly T[], render: (item: T) => HTMLElement, opts: { shown?: number; noun: string; empty: string }): HTMLElement {
  const shown = opts.shown ?? 10;
  if (items.length === 0) return h('p', { class: 'muted' }, opts.empty);
  const ul = h('ul', { class: 'plain-list' }, ...items.slice(0, shown).map(render));
  if (items.length <= shown) return ul;
  const more = h('button', { type: 'button', class: 'linkish show-all' }, `Show all ${items.length} ${opts.noun}`);
  more.addEventListener('click', () => {
    ul.append(...items.slice(shown).map(render));
    more.remove();
  });
  return h('div', null, ul, more);
}
