import type { GraphStore } from '../../server/graph/types.js';
import { ingestRecord } from '../../server/ingest/index.js';
import { processArticle } from '../../server/pipeline/index.js';

/**
 * Two outlets, two speakers, opposite claims about one subject two days
 * apart: the claims step links them as a contradiction candidate (checked
 * by hand: "will not accept" against "will accept", both about Ukraine).
 */
export const OPPOSED_RECORDS = [
  {
    id: 'opposed-1',
    source: 'Daily Wire Service',
    title: 'Kyiv weighs truce',
    publishedAt: '2025-08-04',
    text: 'Ukrainian Foreign Minister Andrii Sybiha said on Monday that Ukraine will accept the ceasefire proposal for the eastern regions.',
  },
  {
    id: 'opposed-2',
    source: 'Evening Courier',
    title: 'Moscow rejects truce',
    publishedAt: '2025-08-06',
    text: 'Kremlin spokesman Dmitry Peskov said on Wednesday that Ukraine will not accept the ceasefire proposal for the eastern regions.',
  },
];

/** Ingests the records through the real pipeline (extraction, identity, write, claims step). */
export async function ingestOpposed(store: GraphStore): Promise<void> {
  for (const r of OPPOSED_RECORDS) for (const a of ingestRecord(r, r.id)) await processArticle(store, a);
}
