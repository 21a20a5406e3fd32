import { api, type EventSummary, type StatementRow } from '../api.js';
import { cueColor, eventColor, eventSymbol } from '../charts/palette.js';
import { timeline, type BandItem } from '../charts/timeline.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { append, errorBox, formatWhen, h, loading, timeRange } from './dom.js';
import { eventLabel, eventTypeBadge } from './event.js';
import { identitySection } from './actor-identity.js';
import { expandable, pagedStatements } from './paged.js';
import { eventBandItem } from './timeline.js';

const SAID = 'said';

/** The first few items of a long list of names, the rest behind "+N more". */
function shortList(items: string[], sep: string, noun: string, shown = 6): HTMLElement {
  const span = h('span', null, items.slice(0, shown).join(sep));
  if (items.length <= shown) return span;
  const more = h('button', { type: 'button', class: 'linkish', 'aria-label': `Show all ${items.length} ${noun}` }, `+${items.length - shown} more`);
  more.addEventListener('click', () => {
    span.textContent = items.join(sep);
    more.remove();
  });
  // The space outside the button: a button's own leading space collapses ("the president+9 more").
  return h('span', null, span, ' ', more);
}
const ABOUT = 'about';

/** Actor page: names, roles, what they said, what others said about them, over time, and the events they took part in. */
export async function actorView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const id = ctx.route.id;
  if (!id) {
    root.append(errorBox({ code: 'NOT_FOUND', message: 'No actor given.' }));
    return;
  }
  const wait = loading('Loading actor');
  root.append(wait);
  try {
    // The events they took part in load alongside; without them the page still draws.
    const [view, events] = await Promise.all([
      api.actor(id, ctx.signal),
      api.events({ participant: [id], limit: 500 }, ctx.signal).then((p) => p.items, () => [] as EventSummary[]),
    ]);
    wait.remove();
    const a = view.actor;
    // A merged actor's old id redirects: keep the URL on the canonical one.
    if (view.requestedId !== a.id) ctx.setParams({});
    const said = view.said;
    const about = view.aboutThem;
    append(
      root,
      h('h1', null, a.name),
      h(
        'p',
        { class: 'article-meta' },
        h('span', { class: 'kind' }, a.kind),
        a.aliases.length ? ' · also: ' : null,
        a.aliases.length ? shortList(a.aliases, ', ', 'names') : null,
        a.roles.length ? ' · ' : null,
        a.roles.length ? shortList(a.roles, '; ', 'roles') : null,
      ),
      a.mergedFrom.length ? h('p', { class: 'muted' }, `Merged from: ${a.mergedFrom.map((m) => m.name).join(', ')}`) : null,
      h('p', null, `${a.said} statements made · ${a.about} about them · mentioned in ${a.articles} articles · `,
        h('a', { href: href('network', null, { focus: a.id }) }, `Network around ${a.name}`)),
    );
    const chart = timeline<StatementRow & { lane: string }>()
      .id((d) => `${d.lane}:${d.id}`)
      .start((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[0] ?? null)
      .end((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[1] ?? null)
      .lane((d) => d.lane)
      .laneLabel((k) => (k === SAID ? `${a.name} said` : `said about ${a.name}`))
      .colorKey((d) => d.cueClass)
      .color(cueColor)
      .legendTitle('Cue')
      .title(`${a.name} over time`)
      .describe((d) => [`${d.speaker ?? 'unknown'} (${d.cue})`, d.content, formatWhen(d.saidAt, d.saidAtPrecision)])
      .width(Math.max(600, ctx.width()))
      .band(events.map(eventBandItem).filter((b): b is BandItem => b !== null))
      .bandColor(eventColor)
      .bandSymbol(eventSymbol)
      .on('band', (b) => ctx.go(href('event', b.id)))
      .on('select', (d) => d.articleId && ctx.go(href('article', d.articleId, { s: d.id })));
    root.append(h('div', { class: 'chart-host' }, chart([...said.map((r) => ({ ...r, lane: SAID })), ...about.map((r) => ({ ...r, lane: ABOUT }))])));
    // Long lists show their first items with "Show all"; statements are paged on the server, so a prolific actor's page stays short.
    const saidList = pagedStatements(ctx, { speaker: [a.id] }, { label: `What ${a.name} said`, empty: 'No statements attributed.' });
    const aboutList = pagedStatements(ctx, { about: [a.id] }, { label: `What others said about ${a.name}`, empty: 'Nothing found.' });
    const people = (title: string, list: { id: string; name: string; statements: number }[]) =>
      h('section', null, h('h2', null, title),
        expandable(list, (n) => h('li', null, h('a', { href: href('actor', n.id) }, n.name), ` (${n.statements})`), { noun: 'actors', empty: 'Nobody.' }));
    root.append(
      h('section', { class: 'actor-events' }, h('h2', null, `Events (${events.length})`),
        expandable(events, (e) => h('li', null, eventTypeBadge(e.type), ' ', h('a', { href: href('event', e.id) }, eventLabel(e)),
          h('span', { class: 'muted' }, ` · ${formatWhen(e.date, e.datePrecision)}${e.place ? ` · ${e.place}` : ''}`)), { shown: 5, noun: 'events', empty: 'None found.' })),
      h('div', { class: 'columns' }, people('Talks about', view.talksAbout), people('Talked about by', view.talkedAboutBy)),
      h('div', { class: 'columns' },
        h('section', { class: 'actor-said' }, h('h2', null, `What ${a.name} said (${a.said})`),
          saidList),
        h('section', { class: 'actor-about' }, h('h2', null, `What others said about ${a.name} (${a.about})`),
          aboutList)),
      // Mount the page again after a merge or split: the canonical actor may have changed.
      identitySection(view, () => window.dispatchEvent(new HashChangeEvent('hashchange'))),
    );
    await Promise.all([saidList.ready, aboutList.ready]);
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}
