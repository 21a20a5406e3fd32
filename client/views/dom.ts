/**
 * Tiny DOM helpers for the views. Text is only ever set with textContent /
 * text nodes: nothing from the data is parsed as HTML anywhere in the app.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** A link that only ever points at http(s) URLs (never javascript: or data:). */
export function externalLink(url: string | null | undefined, text?: string): HTMLElement | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return h('span', null, text ?? url);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return h('span', null, text ?? url);
  return h('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, text ?? u.href);
}

export function errorBox(err: unknown): HTMLElement {
  const e = err as { code?: string; message?: string };
  return h('div', { class: 'error', role: 'alert' }, e.code ? h('strong', null, `${e.code}: `) : null, e.message ?? String(err));
}

export function loading(what = 'Loading'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `${what}…`);
}

/** Precision-aware date text: "2025-08-18", "week of 2025-08-18", "August 2025". */
export function formatWhen(iso: string | null | undefined, precision?: string | null): string {
  if (!iso) return 'undated';
  const day = iso.slice(0, 10);
  switch (precision) {
    case 'week':
      return `week of ${day}`;
    case 'month':
      return new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'year':
      return iso.slice(0, 4);
    case 'article':
      return `${day} (article date)`;
    default:
      return day;
  }
}

const DAY = 86_400_000;

/** [start, end) of an imprecise time as dates: a week, a month or a year becomes a range. */
export function timeRange(iso: string | null | undefined, precision?: string | null): [Date, Date] | null {
  if (!iso) return null;
  const t = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(+t)) return null;
  switch (precision) {
    case 'week':
      return [t, new Date(+t + 7 * DAY)];
    case 'month':
      return [t, new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1))];
    case 'year':
      return [t, new Date(Date.UTC(t.getUTCFullYear() + 1, 0, 1))];
    default:
      return [t, t];
  }
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
