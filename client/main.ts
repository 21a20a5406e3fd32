import { parseHash, replaceParams, href, type Route } from './router.js';
import type { View, ViewContext } from './views/context.js';
import { timelineView } from './views/timeline.js';
import { networkView } from './views/network.js';
import { articleView } from './views/article.js';
import { actorView } from './views/actor.js';
import { claimView } from './views/claim.js';
import { contradictionsView } from './views/contradictions.js';
import { eventView } from './views/event.js';
import { consoleView } from './views/console.js';
import { ingestView } from './views/ingest.js';
import { searchView } from './views/search.js';
import { demoView } from './views/demo.js';
import { errorBox, h } from './views/dom.js';

const VIEWS: Record<string, View> = {
  timeline: timelineView,
  network: networkView,
  article: articleView,
  actor: actorView,
  claim: claimView,
  contradictions: contradictionsView,
  event: eventView,
  console: consoleView,
  ingest: ingestView,
  search: searchView,
};

const TITLES: Record<string, string> = {
  timeline: 'Timeline', network: 'Network', article: 'Article', actor: 'Actor', claim: 'Claim', contradictions: 'Contradiction candidates', event: 'Event',
  console: 'Cypher console', ingest: 'Add articles', search: 'Search',
};

const main = document.getElementById('main')!;
let leave: (() => void) | null = null;
/** The first view of a page load keeps the browser's own focus (Tab starts at the skip link). */
let firstMount = true;

function mount(route: Route, demo: URLSearchParams | null) {
  leave?.();
  const moveFocus = !firstMount;
  firstMount = false;
  const controller = new AbortController();
  let resolveInvalidation!: () => void;
  const invalidation = new Promise<void>((r) => (resolveInvalidation = r));
  leave = () => {
    controller.abort();
    resolveInvalidation();
  };
  main.replaceChildren();
  const ctx: ViewContext = {
    route,
    signal: controller.signal,
    invalidation,
    setParams: (p) => {
      if (!controller.signal.aborted) replaceParams(route, p);
    },
    go: (hash) => {
      location.hash = hash;
    },
    width: () => Math.min(main.clientWidth || 1200, 1600) - 8,
  };
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-view]')) {
    if (a.dataset.view === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (demo) {
    document.title = 'claimgraph demo';
    demoView(main, ctx, demo.get('demo') ?? 'network', demo);
    return;
  }
  const view = VIEWS[route.view];
  document.title = `${TITLES[route.view] ?? 'Not found'} · claimgraph`;
  if (!view) {
    main.append(errorBox({ code: 'NOT_FOUND', message: `No view called “${route.view}”.` }), h('p', null, h('a', { href: href('timeline') }, 'Go to the timeline')));
    return;
  }
  main.dataset.view = route.view;
  delete main.dataset.ready;
  void Promise.resolve(view(main, ctx)).then(
    () => {
      main.dataset.ready = 'true';
      if (moveFocus) focusHeading();
    },
    (err) => main.append(errorBox(err)),
  );
}

/**
 * After a navigation the link or mark that was clicked is gone with the old view, so the keyboard focus
 * fell to the page's body: it goes to the new view's heading instead (a screen reader reads where the
 * user is; Tab goes on from there). A view that placed the focus itself keeps it.
 */
function focusHeading() {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const heading = main.querySelector<HTMLElement>('h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

// The header is sticky and wraps on narrow screens: its height is a CSS variable, so that a sticky heading
// (the article's title) sits under it and a sentence scrolled to is not hidden behind it.
const header = document.querySelector<HTMLElement>('.app-header');
if (header) {
  const setHeight = () => document.documentElement.style.setProperty('--header-h', `${header.offsetHeight}px`);
  new ResizeObserver(setHeight).observe(header);
  setHeight();
}

function onRoute() {
  const search = new URLSearchParams(location.search);
  mount(parseHash(location.hash), search.has('demo') ? search : null);
}

document.getElementById('search-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  location.hash = href('search', null, { q });
});
window.addEventListener('hashchange', onRoute);
onRoute();
