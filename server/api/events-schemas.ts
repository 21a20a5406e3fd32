/**
 * The events API's shapes (issue 10): GET /api/events and GET /api/events/:id.
 * Same conventions as ./schemas.ts (window `from` inclusive, `to` exclusive,
 * compared as strings against the event's date; paging with limit/offset/cursor).
 * `EVENT_ROUTE_DOCS` is spread into the OpenAPI route list (./openapi.ts).
 */
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { EVENT_TYPES } from '../extract/model/events.js';
import { ActorRefSchema, ErrorBodySchema, IdParamsSchema, IsoDateSchema, PageQuerySchema } from './schemas.js';

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
    })),
    statements: z.array(z.object({
      id: z.string(), content: z.string(), direct: z.boolean(), cue: z.string(), saidAt: z.string().nullable(), saidAtPrecision: z.string().nullable(),
      speaker: ActorRefSchema.nullable(), articleId: z.string().nullable(),
    })),
  })
  .openapi('EventDetail');
export type EventDetail = z.infer<typeof EventDetailSchema>;

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ErrorBodySchema, description);

/** The OpenAPI entries of the two routes. */
export const EVENT_ROUTE_DOCS: RouteConfig[] = [
  {
    method: 'get', path: '/api/events', summary: 'Events (meetings, summits, calls, visits...) in a window, by participant', tags: ['events'],
    request: { query: EventListQuerySchema },
    responses: { 200: json(EventPageSchema, 'a page of events, oldest first'), 400: error('invalid input: details name each bad field') },
  },
  {
    method: 'get', path: '/api/events/{id}', summary: 'One event: participants, reporting articles, statements made at it', tags: ['events'],
    request: { params: IdParamsSchema },
    responses: { 200: json(EventDetailSchema, 'the event'), 400: error('invalid input'), 404: error('not found') },
  },
];
