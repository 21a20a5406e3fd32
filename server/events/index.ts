/**
 * The events component, shaped like server/claims: a pure plan (./plan.ts:
 * which stored event an extracted one joins, with what date, type and
 * participants) and an update over the graph's events repository
 * (./update.ts: candidates, upserts, links, keys, the step's mark). The
 * extraction of an article's events and their merging within the article
 * stay in server/extract; running the step for stored articles (finish,
 * backfill) is the pipeline's.
 */
export { planEvents, reportRow, type EventWrite } from './plan.js';
export { EVENTS_VERSION, eventsState, markEventsDone, runEventsStep, runEventsStepBatch, writeEvents } from './update.js';
