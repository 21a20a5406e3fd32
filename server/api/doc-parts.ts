/** The pieces route definitions (./route.ts defineRoute) write their OpenAPI entries with. */
import { z } from 'zod';
import { ErrorBodySchema } from './schemas.js';

/** A JSON response of `schema`. */
export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

/** An error response (the error body) with its own description. */
export const error = (description: string) => json(ErrorBodySchema, description);

/** The error responses of the given statuses, each with the API's usual description. */
export const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      c,
      json(ErrorBodySchema, {
        400: 'invalid input: details name each bad field',
        401: 'a bearer token is required (CLAIMGRAPH_TOKEN is set)',
        403: 'forbidden: a write in a read-only query, or a non-local Host',
        404: 'not found',
        408: 'the query ran longer than the time limit',
        409: 'conflict with the current state',
        413: 'the body or fetched page is larger than the limit',
        415: 'unsupported input (binary, unknown format)',
        502: 'the URL could not be fetched',
        503: 'the store is unavailable or busy',
      }[c] ?? 'error'),
    ]),
  );

/** The security requirement of a write: the bearer token. */
export const bearer = [{ bearer: [] as string[] }];
