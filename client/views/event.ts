import { api, type EventDetail, type EventSummary } from '../api.js';
import { cueColor, eventColor, eventSymbol } from '../charts/palette.js';
import { symbol as d3symbol } from 'd3';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { errorBox, formatWhen, h, isoDay, loading, timeRange } from './dom.js';
import { BODY_WORDS } from './event-words.js';
import { pagedList } from './paged.js';

const DAY = 86_400_000;

/**
 * "Alaska summit", or for an unnamed event its type and first two
 * participants: "call: Trump–Putin" (by last name, except a body, which keeps
 * its whole name: "military action: United States", not "States").
 */
export function eventLabel(e: Pick<EventSummary, 'name' | 'type' | 'participants'>): string {
  if (e.name) return e.name;
  const who = eventWho(e);
  return who ? `${e.type}: ${who}` : e.type;
}

/** The first two participants, people by last name: "Trump–Putin"; empty when none is named. */
export function eventWho(e: Pick<EventSummary, 'participants'>): string {
  return e.participants
    .slice(0, 2)
    .map((p) => {
      const words = p.name.split(/\s+/);
      const last = words.at(-1) ?? p.name;
      // A body keeps its whole name; an acronym or a one-word name is whole already.
      return words.length > 1 && !BODY_WORDS.has(last.toLowerCase()) ? last : p.name;
    })
    .join('–');
}

/**
 * Event page, `#/event/ID`: what kind of event, when and where, who took
 * part (links to their actor pages), the articles that report it (each opens
 * with the sentence telling the event highlighted) and the statements made
 * at it. `#/event` lists every event, oldest first. All text is set as text.
 */
export async function eventView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const id = ctx.route.id;
  if (!id) {
    await eventListView(root, ctx);
    return;
  }
  const wait = loading('Loading event');
  root.append(wait);
  try {
    const e = await api.event(id, ctx.signal);
    wait.remove();
    root.append(renderEvent(e));
  } catch (err) {
    wait.replaceWith(errorBox(err));
  }
}

/** The type as a coloured symbol and a word, like the timeline's band and legend. */
export function eventTypeBadge(type: string): HTMLElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '-7 -7 14 14');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', d3symbol(eventSymbol(type), 70)() ?? '');
  path.setAttribute('fill', eventColor(type));
  svg.append(path);
  const badge = h('span', { class: 'event-type' }, type);
  badge.prepend(svg);
  return badge;
}

function renderEvent(e: EventDetail): HTMLElement {
  const range = timeRange(e.date, e.datePrecision);
  // The timeline around the event: a week either side of it.
  const around = range ? { from: isoDay(new Date(+range[0] - 7 * DAY)), to: isoDay(new Date(+range[1] + 8 * DAY)) } : {};

  const facts = h(
    'dl',
    { class: 'event-facts' },
    h('dt', null, 'Type'),
    h('dd', null, eventTypeBadge(e.type)),
    h('dt', null, 'When'),
    h('dd', null, formatWhen(e.date, e.datePrecision), e.dateText ? h('span', { class: 'muted' }, ` (“${e.dateText}”)`) : null),
    h('dt', null, 'Where'),
    h('dd', null, e.place ?? h('span', { class: 'muted' }, 'not given')),
  );

  const participants = e.participants.length
    ? h('ul', { class: 'plain-list event-participants', 'aria-label': 'Participants' }, ...e.participants.map((p) => h('li', null, h('a', { href: href('actor', p.id) }, p.name))))
    : h('p', { class: 'muted' }, 'No participant named.');

  const reports = e.reports.length
    ? h(
        'ul',
        { class: 'plain-list event-reports', 'aria-label': 'Articles reporting it' },
        ...e.reports.map((a) =>
          h(
            'li',
            null,
            h('a', { href: href('article', a.id, { event: e.id }), 'data-article': a.id }, a.title || '(untitled)'),
            h('span', { class: 'muted' }, ` · ${a.source ?? 'unknown source'} · ${formatWhen(a.publishedAt ?? a.retrievedAt)}`),
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'No article stored reports it.');

  const statements = e.statements.length
    ? h(
        'ul',
        { class: 'statement-list event-statements', 'aria-label': 'Statements made at it' },
        ...e.statements.map((s) => {
          const badge = h('span', { class: 'cue-badge' }, s.cue);
          badge.style.setProperty('--cue', cueColor(null));
          return h(
            'li',
            { class: 'statement', 'data-id': s.id },
            s.speaker ? h('a', { href: href('actor', s.speaker.id), class: 'who' }, s.speaker.name) : h('span', { class: 'who muted' }, 'unknown speaker'),
            ' ',
            badge,
            ' ',
            h('span', { class: 'content' }, s.direct ? `“${s.content}”` : s.content),
            h(
              'div',
              { class: 'meta' },
              formatWhen(s.saidAt, s.saidAtPrecision),
              s.articleId ? ' · ' : null,
              s.articleId ? h('a', { href: href('article', s.articleId, { s: s.id }) }, 'in the article') : null,
            ),
          );
        }),
      )
    : h('p', { class: 'muted' }, 'No statement was recognised as made at it.');

  return h(
    'article',
    { class: 'event-view', 'data-event': e.id },
    h('h1', null, eventLabel(e)),
    facts,
    h('p', null, h('a', { class: 'button', href: href('timeline', null, around) }, 'Show on the timeline')),
    h(
      'div',
      { class: 'event-columns' },
      h('section', { 'aria-labelledby': 'event-participants' }, h('h2', { id: 'event-participants' }, `Participants (${e.participants.length})`), participants),
      h('section', { 'aria-labelledby': 'event-reports' }, h('h2', { id: 'event-reports' }, `Reported by ${e.reports.length} article${e.reports.length === 1 ? '' : 's'}`), reports),
    ),
    h('section', { 'aria-labelledby': 'event-statements' }, h('h2', { id: 'event-statements' }, `Statements made at it (${e.statements.length})`), statements),
  );
}

/** Every event, oldest first, paged on the server with a words filter: `#/event`. */
async function eventListView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  root.append(h('h1', null, 'Events'), h('p', { class: 'muted' }, 'Meetings, summits, calls, visits and other events the articles report.'));
  const list = pagedList(
    ctx,
    ({ q, sort, offset, limit }, signal) => api.events({ q, sort, offset, limit }, signal),
    (e) =>
      h(
        'li',
        null,
        eventTypeBadge(e.type),
        ' ',
        // The badge already names the type: the link says which event ("Alaska summit", "Trump–Putin").
        h('a', { href: href('event', e.id) }, e.name ?? (eventWho(e) || `unnamed ${e.type}`)),
        h('span', { class: 'muted' }, ` · ${formatWhen(e.date, e.datePrecision)}${e.place ? ` · ${e.place}` : ''} · ${e.participants.map((p) => p.name).join(', ') || 'no participant named'} · reported by ${e.reports} article${e.reports === 1 ? '' : 's'}`),
      ),
    { label: 'events', empty: 'No events yet.', pageSize: 25,
      sorts: [['oldest', 'Oldest first'], ['newest', 'Newest first'], ['reports', 'Most reported'], ['statements', 'Most statements']], listClass: 'plain-list event-list', filterPlaceholder: 'Filter by name, place, type or participant…' },
  );
  root.append(list);
  await list.ready;
}
