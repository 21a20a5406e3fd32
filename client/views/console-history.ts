// zod/mini: the same checks as the server's zod, tree-shaken to a few kB in the client bundle.
import * as z from 'zod/mini';
import { h } from './dom.js';

/**
 * The console's query history (the last HISTORY_MAX queries run, newest
 * first) and saved queries (named), kept in this browser's localStorage.
 * Choosing one fills the editor; the user presses Run.
 */
export const HISTORY_MAX = 50;
const HISTORY_KEY = 'claimgraph.console.history';
const SAVED_KEY = 'claimgraph.console.saved';

const HistorySchema = z.array(z.string());
const SavedSchema = z.array(z.object({ name: z.string().check(z.minLength(1)), query: z.string().check(z.minLength(1)) }));
export type SavedQuery = z.infer<typeof SavedSchema>[number];

/** What localStorage holds under `key`, validated; a missing or damaged entry reads as empty. */
function load<T>(key: string, schema: z.ZodMiniType<T>, empty: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return empty;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}
function store(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the history is a convenience, the query still ran.
  }
}

/** The history with `query` put first (once), at most HISTORY_MAX long. */
export function withQuery(history: string[], query: string): string[] {
  return [query, ...history.filter((q) => q !== query)].slice(0, HISTORY_MAX);
}

/** Saved queries with `entry` added, replacing one of the same name. */
export function withSaved(saved: SavedQuery[], entry: SavedQuery): SavedQuery[] {
  return [...saved.filter((s) => s.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));
}

/** The History and Saved panels; `remember` records a query that ran. */
export function historyPanel(opts: { current: () => string; fill: (query: string) => void }): { el: HTMLElement; remember: (query: string) => void } {
  let history = load(HISTORY_KEY, HistorySchema, []);
  let saved = load(SAVED_KEY, SavedSchema, []);
  const historyList = h('ol', { class: 'query-history' });
  const savedList = h('ul', { class: 'saved-queries' });
  const name = h('input', { type: 'text', id: 'save-query-name', placeholder: 'Name this query', 'aria-label': 'Name of the query to save' });
  const saveBtn = h('button', { type: 'button', id: 'save-query' }, 'Save query');

  const label = (q: string) => (q.length > 70 ? `${q.slice(0, 69)}…` : q).replace(/\s+/g, ' ');
  const draw = () => {
    historyList.replaceChildren(...history.map((q) => h('li', null, h('button', { type: 'button', class: 'linkish', title: q, onclick: () => opts.fill(q) }, label(q)))));
    savedList.replaceChildren(...saved.map((s) =>
      h('li', null,
        h('button', { type: 'button', class: 'linkish', title: s.query, onclick: () => opts.fill(s.query) }, s.name),
        ' ',
        h('button', { type: 'button', class: 'icon', 'aria-label': `Delete saved query ${s.name}`, onclick: () => {
          saved = saved.filter((x) => x.name !== s.name);
          store(SAVED_KEY, saved);
          draw();
        } }, '×'))));
  };
  saveBtn.addEventListener('click', () => {
    const query = opts.current().trim();
    const n = name.value.trim();
    if (!query || !n) {
      name.setAttribute('aria-invalid', 'true');
      name.placeholder = !query ? 'Write a query first' : 'A name is needed';
      return;
    }
    name.removeAttribute('aria-invalid');
    saved = withSaved(saved, { name: n, query });
    store(SAVED_KEY, saved);
    name.value = '';
    draw();
  });
  draw();
  return {
    el: h('nav', { class: 'console-history', 'aria-label': 'Query history and saved queries' },
      h('h2', { class: 'small' }, 'Saved queries'), h('div', { class: 'toolbar' }, name, saveBtn), savedList,
      h('h2', { class: 'small' }, 'History'), historyList),
    remember(query: string) {
      history = withQuery(history, query);
      store(HISTORY_KEY, history);
      draw();
    },
  };
}
