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

function mount(route: Route, demo: URLSearchParams | null) {
  leave?.();
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
    () => (main.dataset.ready = 'true'),
    (err) => main.append(errorBox(err)),
  );
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
