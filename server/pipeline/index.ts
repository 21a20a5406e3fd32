/**
 * The pipeline wires the pure stages to the store: ingest (inputs -> articles),
 * extract (article text -> statements), and graph (one transaction per article).
 * It is the only component that knows all three.
 */
export { buildArticleGraph } from './build.js';
export { processArticle, prepareArticle, writePrepared, ingestInputs, batchTally, type IngestSummary, type PreparedArticle, type ProcessedArticle, type ProgressEvent } from './run.js';
export { ExtractPool, defaultIngestWorkers, defaultWorkers, type ArticleExtraction, type PoolOptions } from './pool.js';
export { extractForIngest } from './ingest-extraction.js';
export { storeArticleGraph } from './store.js';
export { articleOfGraph } from './build.js';
export { backfillEvents, eventsState, markEventsDone, runEventsStep, EVENTS_VERSION, type BackfillSummary } from './events.js';
export {
  DERIVED_STEPS, runDerivedSteps, finishDerivedSteps, type DerivedStep, type StepName, type StepState, type StepInput, type StepOptions, type StepCounts,
} from './steps.js';
export { extractArticle, extractArticleStatements, extractArticleEvents } from './statements.js';
export { DEFAULT_INGEST_BATCH } from './batch.js';
