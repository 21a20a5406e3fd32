/**
 * What an HTTP client reads of an error (issue 14, defect 11): our message
 * for the codes whose text comes from the engine, the OS or a library,
 * unless the code that made the error wrote the whole message and said so.
 */
import { describe, expect, test } from 'vitest';
import { AppError, badInput, fetchFailed, forClient, queryFailed, storeCorrupt, storeUnavailable } from '../server/errors.js';

describe('forClient', () => {
  test.each([
    { name: 'an engine conflict', error: queryFailed('Transaction error: GRAFEO-T001: Write-write conflict on entity Node(NodeId(226))'), message: 'the database could not run the query; the server log has the reason' },
    { name: 'a broken pipe to the store process', error: storeUnavailable('could not send the run call to the store process: write EPIPE'), message: 'the graph store is not available at the moment (starting, restarting or busy); retry in a few seconds' },
    { name: 'a crashed store process', error: storeUnavailable('the store process exited unexpectedly (SIGSEGV) while running run'), message: 'the graph store is not available at the moment (starting, restarting or busy); retry in a few seconds' },
    { name: 'a damaged store file', error: storeCorrupt('the store file /var/lib/x.grafeo is damaged: checksum mismatch'), message: 'the graph store is damaged; the server log names the file and the recovery step' },
    { name: 'an OS error on fetch', error: fetchFailed('http://example.test/', 'connect ECONNREFUSED 10.0.0.1:8080'), message: 'the URL could not be fetched' },
    { name: 'an internal error', error: new AppError('INTERNAL', "ENOENT: no such file or directory, open '/etc/x'"), message: 'internal error; the server log has the details' },
  ])('when the error is $name, then the client gets our message, the same code and no details', ({ error, message }) => {
    const safe = forClient(error);
    expect(safe.toJSON()).toEqual({ code: error.code, message, details: [] });
    expect(safe.httpStatus).toBe(error.httpStatus);
    expect(safe.retriable).toBe(error.retriable);
  });

  test.each([
    { name: 'bad input', error: badInput('invalid query: query.from: expected a real calendar date', [{ path: 'query.from', message: 'x' }]) },
    { name: 'a message the caller wrote and exposed', error: new AppError('STORE_UNAVAILABLE', '4 Cypher queries are already running; retry when one has finished', { expose: true }) },
  ])('when the error is $name, then the client gets it as it is', ({ error }) => {
    expect(forClient(error)).toBe(error);
  });
});
