import { api } from '../api.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, h, loading } from './dom.js';
import { pagedStatements } from './paged.js';

/** Search results for actors (names and aliases) and statements (content, speaker). `#/search?q=...` */
export async function searchView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const q = (ctx.route.params.get('q') ?? '').trim();
  root.append(h('h1', null, q ? `Search: ${q}` : 'Search'));
  if (!q) {
    root.append(h('p', { class: 'muted' }, 'Type a name or words from a statement in the search box.'));
    return;
  }
  const wait = loading('Searching');
  root.append(wait);
  try {
    const [actorPage, stmts, claims] = await Promise.all([
      api.actors({ q, limit: 50 }, ctx.signal),
      api.statements({ q, limit: 1 }, ctx.signal),
      api.claims({ q, limit: 20 }, ctx.signal).catch(() => null),
    ]);
    wait.remove();
    const statements = pagedStatements(ctx, { q }, { label: `Statements matching ${q}`, empty: 'No statement matches.' });
    const actors = actorPage.items;
    root.append(
      h('h2', null, `Actors (${actors.length})`),
      actors.length
        ? h('ul', { class: 'plain-list search-actors' }, ...actors.map((a) => h('li', null, h('a', { href: href('actor', a.id) }, a.name), h('span', { class: 'muted' }, ` · ${a.kind}${a.aliases.length ? ` · ${a.aliases.join(', ')}` : ''}`))))
        : h('p', { class: 'muted' }, 'No actor matches.'),
      h('h2', null, `Statements (${stmts.total})`),
      // Paged on the server; words typed in its filter box replace the searched ones.
      statements,
      ...(claims && claims.items.length
        ? [h('h2', null, `Claims (${claims.total})`), h('ul', { class: 'plain-list' }, ...claims.items.map((c) => h('li', null, h('a', { href: href('claim', c.id) }, c.text), h('span', { class: 'muted' }, ` · ${c.sources} sources`))))]
        : []),
    );
    await statements.ready;
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}
