import { api } from '../api.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, h, loading } from './dom.js';
import { statementList } from './statements.js';
import { ALL_TIME, TIMELINE_LIMIT } from './timeline.js';

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
    const [actors, rows] = await Promise.all([api.findActors(q, ctx.signal), api.timeline({ ...ALL_TIME, limit: TIMELINE_LIMIT }, ctx.signal)]);
    wait.remove();
    const needle = q.toLowerCase();
    const hits = rows.filter((r) => r.content.toLowerCase().includes(needle) || (r.speaker ?? '').toLowerCase().includes(needle));
    root.append(
      h('h2', null, `Actors (${actors.length})`),
      actors.length
        ? h('ul', { class: 'plain-list search-actors' }, ...actors.map((a) => h('li', null, h('a', { href: href('actor', a.id) }, a.name), h('span', { class: 'muted' }, ` · ${a.kind}${a.aliases?.length ? ` · ${a.aliases.join(', ')}` : ''}`))))
        : h('p', { class: 'muted' }, 'No actor matches.'),
      h('h2', null, `Statements (${hits.length})`),
      statementList(hits, { empty: 'No statement matches.' }),
    );
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}
