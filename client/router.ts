/**
 * Hash routes, so every view state is a shareable URL and the server needs
 * no fallback route: `#/view/id?param=value`. Views write their state with
 * `setParams` (history.replaceState: no reload, no history spam); moving to
 * another view or item is a hash change and mounts the view again.
 */
export interface Route {
  view: string;
  id: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const [view, ...rest] = path.split('/');
  const id = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { view: view || 'timeline', id, params };
}

/** The hash for a view, an optional item id and parameters (empty values dropped). */
export function href(view: string, id?: string | null, params?: Record<string, string | null | undefined> | URLSearchParams): string {
  let p: URLSearchParams;
  if (params instanceof URLSearchParams) p = params;
  else {
    p = new URLSearchParams();
    for (const [k, v] of Object.entries(params ?? {})) if (v !== null && v !== undefined && v !== '') p.set(k, v);
  }
  const s = p.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${s ? `?${s}` : ''}`;
}

/** Rewrites the current view's parameters in the URL without remounting it. */
export function replaceParams(route: Route, params: Record<string, string | null | undefined>): void {
  const next = new URLSearchParams(route.params);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  route.params = next;
  const url = `${location.pathname}${location.search}${href(route.view, route.id, next)}`;
  history.replaceState(history.state, '', url);
}
