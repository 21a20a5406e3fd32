/**
 * The events API's shapes (issue 10): GET /api/events, GET /api/events/:id and
 * GET /api/network/met-with.
 * Same conventions as ./schemas.ts (window `from` inclusive, `to` exclusive,
 * compared as strings against the event's date; paging with limit/offset/cursor).
 * The routes' OpenAPI entries are written with their handlers (./routes/events.ts).
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../extract/index.js';
import { ActorRefSchema, IsoDateSchema, NetworkQuerySchema, PageQuerySchema } from './schemas.js';

export const EventTypeSchema = z.enum(EVENT_TYPES).meta({ id: 'EventType' });

const participantList = z.preprocess((v) => {
  if (v === undefined || v === '') return undefined;
  const xs = Array.isArray(v) ? v : [v];
  return xs.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).filter((x) => x !== '');
}, z.array(z.string().min(1).max(200)).max(100).optional());

export const EventListQuerySchema = PageQuerySchema.extend({
  from: IsoDateSchema.optional().openapi({ description: 'events dated at or after (the date is the first day of a week/month for coarser precision)' }),
  to: IsoDateSchema.optional().openapi({ description: 'events dated before' }),
  participant: participantList.openapi({ description: 'actor id(s) taking part; repeat or comma-separate for any of several' }),
  type: EventTypeSchema.optional(),
  q: z.string().min(1).max(200).optional().openapi({ description: "case-insensitive substring of the name, place, type or a participant's name" }),
  sort: z.enum(['oldest', 'newest', 'reports', 'statements']).default('oldest')
    .openapi({ description: 'by date, oldest or newest first, most reporting articles first, or most statements made at it first; ties by id' }),
}).strict();
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

const EventTimeFields = {
  date: z.string().nullable().openapi({ description: 'ISO date; the first day of the week/month/year for coarser precision' }),
  datePrecision: z.string().openapi({ example: 'day' }),
  dateText: z.string().nullable().openapi({ example: 'on Monday' }),
};

export const EventSummarySchema = z
  .object({
    id: z.string(),
    type: EventTypeSchema,
    name: z.string().nullable(),
    place: z.string().nullable(),
    ...EventTimeFields,
    participants: z.array(ActorRefSchema),
    reports: z.number().int().openapi({ description: 'articles reporting it' }),
    statements: z.number().int().openapi({ description: 'statements made at it' }),
  })
  .openapi('EventSummary');
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const EventPageSchema = z
  .object({ items: z.array(EventSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('EventPage');

export const EventSentenceSchema = z
  .object({
    start: z.number().int().openapi({ description: 'offset of the sentence in the article text (UTF-16 code units, as JavaScript counts), inclusive' }),
    end: z.number().int().openapi({ description: 'offset of its end, exclusive' }),
    text: z.string().openapi({ description: 'the article text from start to end', example: 'Last week, Trump hosted Putin in Alaska for the first face-to-face talks…' }),
  })
  .openapi('EventSentence');
export type EventSentence = z.infer<typeof EventSentenceSchema>;

export const EventDetailSchema = z
  .object({
    id: z.string(),
    type: EventTypeSchema,
    name: z.string().nullable(),
    place: z.string().nullable(),
    ...EventTimeFields,
    participants: z.array(ActorRefSchema),
    reports: z.array(z.object({
      id: z.string(), title: z.string(), url: z.string().nullable(), publishedAt: z.string().nullable(), retrievedAt: z.string().nullable(), source: z.string().nullable(),
      sentences: z.array(EventSentenceSchema).openapi({
        description: 'every sentence of the article that tells the event, in text order (the first is where it is first told); empty for a store written before events version 2 until `claimgraph backfill-events`',
      }),
    })),
    statements: z.array(z.object({
      id: z.string(), content: z.string(), direct: z.boolean(), cue: z.string(), saidAt: z.string().nullable(), saidAtPrecision: z.string().nullable(),
      speaker: ActorRefSchema.nullable(), articleId: z.string().nullable(),
    })),
  })
  .openapi('EventDetail');
export type EventDetail = z.infer<typeof EventDetailSchema>;

const eventTypeList = z.preprocess((v) => {
  if (v === undefined || v === '') return undefined;
  const xs = Array.isArray(v) ? v : [v];
  return xs.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).filter((x) => x !== '');
}, z.array(EventTypeSchema).max(20).optional());

/**
 * GET /api/network/met-with: the network view's filters that apply to events
 * (window on the event's date, source of a reporting article, actors) plus
 * the event types that count as meeting.
 */
export const MetWithQuerySchema = NetworkQuerySchema.pick({ from: true, to: true, source: true, actor: true })
  .extend({
    type: eventTypeList.openapi({ description: 'only events of these types (repeat or comma-separate); default every type' }),
    limit: z.coerce.number().int().min(1).max(5000).default(300).openapi({ description: 'most pairs returned, most shared events first' }),
  })
  .strict();
export type MetWithQuery = z.infer<typeof MetWithQuerySchema>;

export const MetWithEdgeSchema = z
  .object({
    source: z.string().openapi({ description: 'canonical actor id; the smaller id of the pair (the edge is undirected)' }),
    target: z.string().openapi({ description: 'canonical actor id; the larger id of the pair' }),
    count: z.number().int().openapi({ description: 'events both took part in' }),
    events: z.array(z.object({ id: z.string(), name: z.string().nullable(), type: EventTypeSchema, date: z.string().nullable() })).openapi({ description: 'the shared events, oldest first' }),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .openapi('MetWithEdge');
export type MetWithEdge = z.infer<typeof MetWithEdgeSchema>;

export const MetWithResponseSchema = z
  .object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })).openapi({ description: 'every actor of the returned edges' }),
    edges: z.array(MetWithEdgeSchema),
    /** True when more pairs passed the filters than `limit`. */
    truncated: z.boolean(),
  })
  .openapi('MetWith');
export type MetWithResponse = z.infer<typeof MetWithResponseSchema>;
