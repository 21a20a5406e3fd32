/**
 * The events step over a whole store (`claimgraph backfill-events`). The
 * step itself (plan and writes) is server/events; running it for one
 * article is the derived-step runner's (./steps.ts).
 */
import { articlesLackingEvents, countLackingEvents, serialWrite, type GraphStore } from '../graph/index.js';
import { normalizeError } from '../errors.js';
import { EVENTS_VERSION } from '../events/index.js';
import { finishDerivedSteps } from './steps.js';

export { EVENTS_VERSION, eventsState, markEventsDone, planEvents, runEventsStep, writeEvents, type EventWrite } from '../events/index.js';

export interface BackfillSummary {
  /** Articles the step ran for. */
  articles: number;
  /** Event writes (new events and joins to stored ones) those articles gave. */
  events: number;
  failed: number;
  errors: { where: string; message: string }[];
}

/**
 * The events step for every stored article that lacks its mark, in id order,
 * one article at a time. Idempotent: a second run finds nothing to do; an
 * interrupted run is finished by the next.
 */
export async function backfillEvents(
  store: GraphStore,
  onProgress: (done: number, total: number) => void = () => {},
  pageSize = 200,
): Promise<BackfillSummary> {
  const summary: BackfillSummary = { articles: 0, events: 0, failed: 0, errors: [] };
  const total = await countLackingEvents(store, EVENTS_VERSION);
  let after = '';
  for (;;) {
    const rows = await articlesLackingEvents(store, after, EVENTS_VERSION, pageSize);
    for (const { id } of rows) {
      try {
        // One queue unit per article, so ingests sent meanwhile interleave with the backfill instead of conflicting.
        const ran = await serialWrite(store, () => finishDerivedSteps(store, id, { skip: ['claims'] }));
        if (ran) {
          summary.articles += 1;
          summary.events += ran.events ?? 0;
        }
      } catch (error) {
        summary.failed += 1;
        summary.errors.push({ where: `article ${id}`, message: normalizeError(error).message });
      }
      onProgress(summary.articles + summary.failed, total);
    }
    if (rows.length < pageSize) return summary;
    after = rows[rows.length - 1]!.id;
  }
}
