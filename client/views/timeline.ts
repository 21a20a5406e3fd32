import { api, type EventSummary, type StatementRow, type TimelineResponse } from '../api.js';
import { cueColor, eventColor, eventSymbol } from '../charts/palette.js';
import { timeline, type BandItem } from '../charts/timeline.js';
import { href } from '../router.js';
import type { ViewContext } from './context.js';
import { eventLabel } from './event.js';
import { errorBox, formatWhen, h, isoDay, loading, timeRange } from './dom.js';

/** The most statements the API returns at once; above it, it answers with bucketed counts. */
export const TIMELINE_LIMIT = 5000;

/** Bucketed counts drawn as one range per bucket in a single lane, coloured by the dominant cue class. */
export function bucketRows(res: Extract<TimelineResponse, { mode: 'buckets' }>): StatementRow[] {
  return res.buckets.map((b) => {
    const [cue] = Object.entries(b.byCueClass).sort((x, y) => y[1] - x[1])[0] ?? ['other'];
    return {
      ...EMPTY_STATEMENT,
      id: `bucket:${b.start}`,
      content: `${b.count} statements (${Object.entries(b.byCueClass).map(([k, v]) => `${v} ${k}`).join(', ')})`,
      cue: 'bucket',
      cueClass: cue,
      saidAt: b.start,
      saidAtPrecision: res.bucket === 'day' ? 'day' : res.bucket,
      speaker: `all statements, per ${res.bucket}`,
    };
  });
}

export const EMPTY_STATEMENT: StatementRow = {
  id: '', content: '', quote: null, direct: false, cue: '', cueLemma: null, cueClass: 'other', saidAt: null, saidAtPrecision: null,
  timeText: null, sentence: null, sentenceStart: null, sentenceEnd: null, start: null, end: null, confidence: null,
  speakerMention: null, speakerId: null, speaker: null, addresseeId: null, addressee: null, viaId: null, via: null, about: [],
  articleId: null, articleTitle: null, articleUrl: null, publishedAt: null, sourceId: null, source: null,
};

/** The most events the timeline loads (pages of 500). */
export const EVENT_LIMIT = 2000;

/** An event as a mark of the band above the lanes: its date range, type, a short label and the hover lines. */
export function eventBandItem(e: EventSummary): BandItem | null {
  const r = timeRange(e.date, e.datePrecision);
  if (!r) return null;
  const names = e.participants.map((p) => p.name);
  return {
    id: e.id,
    start: r[0],
    end: +r[1] > +r[0] ? r[1] : null,
    key: e.type,
    label: eventLabel(e),
    lines: [
      e.name ?? `${e.type[0]!.toUpperCase()}${e.type.slice(1)}`,
      `type: ${e.type}`,
      `${formatWhen(e.date, e.datePrecision)}${e.dateText ? ` (“${e.dateText}”)` : ''}`,
      e.place ? `place: ${e.place}` : 'place: not given',
      names.length ? `participants: ${names.join(', ')}` : 'participants: none named',
    ],
  };
}


async function loadEvents(signal: AbortSignal): Promise<{ items: EventSummary[]; total: number }> {
  const items: EventSummary[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = await api.events({ limit: 500, cursor }, signal);
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && items.length < EVENT_LIMIT);
  return { items, total };
}

/**
 * Timeline view: statements on a time axis, lanes by actor or by source,
 * marks coloured by cue class; the zoom window lives in the URL (from, to)
 * and carries over to the network view. A click opens the article with the
 * statement's sentence highlighted. Events (meetings, summits, calls...) are
 * a band above the lanes; a click opens the event's page.
 */
export async function timelineView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const p = ctx.route.params;
  const laneBy = p.get('lanes') === 'source' ? 'source' : 'actor';
  // Lanes the reader pinned (actor ids or source names) and how many lanes show before "Others".
  const pins = (p.get('pin') ?? '').split(',').filter(Boolean);
  const maxLanes = Math.min(200, Math.max(2, Number(p.get('nl')) || 14));
  root.append(h('h1', null, 'Timeline'));
  const status = h('p', { class: 'status', role: 'status' }, '');
  const laneSelect = h(
    'select',
    { id: 'lane-by', 'aria-label': 'Lanes by' },
    h('option', { value: 'actor' }, 'speaker'),
    h('option', { value: 'source' }, 'source'),
  );
  laneSelect.value = laneBy;
  laneSelect.addEventListener('change', () => ctx.go(href('timeline', null, { ...Object.fromEntries(ctx.route.params), lanes: laneSelect.value })));
  const networkLink = h('a', { class: 'button', href: href('network') }, 'Network for this window');
  const zoomIn = h('button', { type: 'button' }, 'Zoom in');
  const zoomOut = h('button', { type: 'button' }, 'Zoom out');
  const reset = h('button', { type: 'button' }, 'Show all');
  const pinInput = h('input', { id: 'lane-pin', type: 'search', list: 'lane-names', placeholder: laneBy === 'source' ? 'a source' : 'a speaker', autocomplete: 'off' });
  const pinList = h('datalist', { id: 'lane-names' });
  const pinButton = h('button', { type: 'button' }, 'Pin lane');
  const pinNote = h('span', { class: 'pin-note', role: 'status' }, '');
  const pinChips = h('span', { class: 'pins' });
  root.append(
    h('div', { class: 'toolbar' }, h('label', { for: 'lane-by' }, 'Lanes by '), laneSelect, zoomIn, zoomOut, reset, networkLink),
    h('div', { class: 'toolbar lane-pins' }, h('label', { for: 'lane-pin' }, `Pin a ${laneBy === 'source' ? 'source' : 'speaker'} as a lane `), pinInput, pinList, pinButton, pinChips, pinNote),
    status,
  );
  const chartHost = h('div', { class: 'chart-host' }, loading('Loading statements'));
  root.append(chartHost, h('p', { class: 'hint' }, 'Scroll or drag on the chart to zoom and pan, or brush the strip below it. Focus the chart and use arrow keys, + and −. Ranges are statements dated only to a week or a month. Click “Others” to open more lanes.'));

  // Fetches everything, or the window when the whole span is too dense to send statement by statement.
  let bucketed = false;
  let total = 0;
  const load = async (w: { from?: string | null; to?: string | null }): Promise<StatementRow[]> => {
    const res = await api.timeline({ from: w.from, to: w.to, limit: TIMELINE_LIMIT }, ctx.signal);
    total = res.total;
    bucketed = res.mode === 'buckets';
    return res.mode === 'statements' ? res.statements : bucketRows(res);
  };
  let rows: StatementRow[];
  const from = p.get('from');
  const to = p.get('to');
  // Events load alongside; without them the statements still draw.
  const eventsPromise = loadEvents(ctx.signal).then(
    (v) => ({ ok: true as const, ...v }),
    (err: unknown) => ({ ok: false as const, message: (err as { message?: string }).message ?? String(err) }),
  );
  try {
    rows = await load({});
    // Too many to send one by one: a shared window loads that stretch in full.
    if (bucketed && from && to) rows = await load({ from, to });
  } catch (err) {
    chartHost.replaceChildren(errorBox(err));
    return;
  }
  const loadedEvents = await eventsPromise;
  const events = loadedEvents.ok ? loadedEvents : null;
  const bandItems = (events?.items ?? []).map(eventBandItem).filter((b): b is BandItem => b !== null);
  // Pinned speakers' own statements when the whole span is shown as counts (their lanes are not in the buckets).
  if (bucketed && laneBy === 'actor' && pins.length > 0) {
    const own = await api.timeline({ from, to, actor: pins, limit: TIMELINE_LIMIT }, ctx.signal).catch(() => null);
    if (own?.mode === 'statements') rows = [...rows, ...own.statements.filter((r) => r.speakerId !== null && pins.includes(r.speakerId))];
  }
  const laneNames = new Map<string, string>();
  const lane = (d: StatementRow) => {
    if (laneBy === 'source') {
      const k = d.source ?? '(no source)';
      laneNames.set(k, k);
      return k;
    }
    const k = d.speakerId ?? '(unattributed)';
    laneNames.set(k, d.speaker ?? '(unattributed)');
    return k;
  };
  const chart = timeline<StatementRow>()
    .id((d) => d.id)
    .start((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[0] ?? null)
    .end((d) => timeRange(d.saidAt, d.saidAtPrecision)?.[1] ?? null)
    .lane(lane)
    .laneLabel((k) => laneNames.get(k) ?? k)
    .colorKey((d) => d.cueClass)
    .color(cueColor)
    .legendTitle('Cue')
    .title(`Statements by ${laneBy === 'source' ? 'source' : 'speaker'}`)
    .describe((d) => [
      `${d.speaker ?? 'Unknown speaker'} (${d.cue})`,
      d.content.length > 220 ? `${d.content.slice(0, 219)}…` : d.content,
      formatWhen(d.saidAt, d.saidAtPrecision),
      d.source ? `${d.source}: ${d.articleTitle ?? ''}` : (d.articleTitle ?? ''),
    ])
    .width(Math.max(600, ctx.width()))
    .band(bandItems)
    .bandTitle('Events')
    .bandColor(eventColor)
    .bandSymbol(eventSymbol)
    .selected(p.get('s'))
    .pinned(pins)
    .maxLanes(maxLanes);
  if (from && to) chart.window([new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)]);

  const updateLinks = (w: [Date, Date] | null) => {
    networkLink.setAttribute('href', href('network', null, w ? { from: isoDay(w[0]), to: isoDay(w[1]) } : {}));
  };
  chart
    .on('window', (w) => {
      ctx.setParams({ from: w ? isoDay(w[0]) : null, to: w ? isoDay(w[1]) : null });
      updateLinks(w);
    })
    .on('band', (b) => ctx.go(href('event', b.id)))
    .on('lanes', (n) => ctx.setParams({ nl: String(n) }))
    .on('select', (d) => {
      if (d.id.startsWith('bucket:')) {
        // A bucket: load that stretch statement by statement.
        const r = timeRange(d.saidAt, d.saidAtPrecision);
        if (r) void zoomInto(isoDay(r[0]), isoDay(new Date(+r[1] + 86_400_000)));
        return;
      }
      ctx.setParams({ s: d.id });
      if (d.articleId) ctx.go(href('article', d.articleId, { s: d.id }));
    });
  const zoomInto = async (from: string, to: string) => {
    try {
      rows = await load({ from, to });
      chartHost.replaceChildren(chart(rows));
      showStatus();
    } catch (err) {
      chartHost.replaceChildren(errorBox(err));
    }
  };
  chartHost.replaceChildren(chart(rows));
  updateLinks(chart.window());

  // Pinning: any lane of the loaded statements, chosen by name; pinned lanes come first and stay.
  const laneCounts = new Map<string, number>();
  for (const r of rows) if (!r.id.startsWith('bucket:')) laneCounts.set(lane(r), (laneCounts.get(lane(r)) ?? 0) + 1);
  const byName = new Map<string, string>();
  for (const [k] of [...laneCounts].sort((a, b) => b[1] - a[1])) {
    const name = laneNames.get(k) ?? k;
    if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), k);
    pinList.append(h('option', { value: name }, `${laneCounts.get(k)} statements`));
  }
  const setPins = (next: string[]) => ctx.go(href('timeline', null, { ...Object.fromEntries(ctx.route.params), pin: next.join(',') || null }));
  const pinChosen = () => {
    const v = pinInput.value.trim().toLowerCase();
    if (!v) return;
    const key = byName.get(v) ?? [...byName].find(([name]) => name.includes(v))?.[1];
    if (!key) {
      pinNote.textContent = `No ${laneBy === 'source' ? 'source' : 'speaker'} named “${pinInput.value.trim()}” among the statements loaded.`;
      return;
    }
    if (!pins.includes(key)) setPins([...pins, key]);
  };
  pinButton.addEventListener('click', pinChosen);
  pinInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      pinChosen();
    }
  });
  for (const k of pins) {
    const name = laneNames.get(k) ?? k;
    pinChips.append(h('span', { class: 'chip' }, name, h('button', { type: 'button', class: 'chip-x', 'aria-label': `Unpin ${name}`, title: `Unpin ${name}`, onclick: () => setPins(pins.filter((x) => x !== k)) }, '×')));
  }
  zoomIn.addEventListener('click', () => chart.zoomBy(2));
  zoomOut.addEventListener('click', () => chart.zoomBy(0.5));
  reset.addEventListener('click', () => chart.window(null));
  const eventNote = (): string => {
    if (!loadedEvents.ok) return ` Events could not be loaded: ${loadedEvents.message}.`;
    if (!events) return '';
    const undatedEvents = events.items.length - bandItems.length;
    const more = events.total > events.items.length ? ` (the first ${events.items.length} of ${events.total})` : '';
    return ` ${bandItems.length} events${more}${undatedEvents ? `, ${undatedEvents} undated (not drawn)` : ''}.`;
  };
  const showStatus = () => {
    const undated = rows.filter((r) => !r.saidAt).length;
    status.textContent = (bucketed
      ? `${total} statements: too many to draw one by one, shown as counts per period. Click a period to load its statements.`
      : `${total} statements${undated ? `, ${undated} undated (not drawn)` : ''}.`) + eventNote();
  };
  showStatus();
}
