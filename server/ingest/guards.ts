import { AppError, badInput, payloadTooLarge, unsupportedInput } from '../errors.js';

/** Default size cap of one input (file, URL body, stdin): 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Default URL fetch timeout, body included. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/**
 * Refuses bytes that are not text: any NUL byte (no text encoding we read
 * produces one), or more than 10% control characters in the first 8 KB
 * (tab, newline, carriage return and form feed are text).
 */
export function assertTextBytes(origin: string, bytes: Uint8Array): void {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw unsupportedInput(`${origin}: binary data (NUL bytes), expected text, HTML, XML or JSON`);
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control += 1;
  }
  if (head.length > 0 && control / head.length > 0.1) {
    throw unsupportedInput(`${origin}: binary data (${Math.round((100 * control) / head.length)}% control characters), expected text`);
  }
}

/** Same check for text that arrived as a string (HTTP bodies, records). */
export function assertTextString(origin: string, text: string): void {
  if (text.includes('\u0000')) throw unsupportedInput(`${origin}: binary data (NUL characters), expected text`);
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control += 1;
  }
  if (head.length > 0 && control / head.length > 0.1) {
    throw unsupportedInput(`${origin}: binary data (${Math.round((100 * control) / head.length)}% control characters), expected text`);
  }
}

/** PAYLOAD_TOO_LARGE naming the input, when its size is known (a file, a declared Content-Length). */
export function tooLarge(origin: string, limit: number, actual: number): AppError {
  return payloadTooLarge(origin, limit, actual);
}

/** PAYLOAD_TOO_LARGE for a stream cut off at the cap: its real size is never learnt. */
export function streamTooLarge(origin: string, limit: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `${origin} is more than ${limit} bytes; the limit is ${limit} bytes`);
}

/** BAD_INPUT for an input with no article text left after cleaning. */
export function emptyText(origin: string, what = 'text'): AppError {
  return badInput(`${origin}: empty ${what}, expected article text`);
}
