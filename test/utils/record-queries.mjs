// Loaded into every Node process of a test run through NODE_OPTIONS (--import), set by
// test/global-setup.ts: test workers, the CLI children and the hosted store's processes. It wraps
// the embedded engine's executeCypher (the only door to the engine) and appends each query text the
// process sends, with who made it, to a file of its own under CLAIMGRAPH_QUERY_LOG. Nothing is
// changed about what runs; test/meta/queries-executed.check.ts reads the files after the suite.
//
// Who made a text is read from the call stack at the moment the engine is called: the first frame
// outside the embedded store (server/graph/embedded.ts) is the caller.
//   app    - server code called the store: a text the app sends.
//   user   - the store's readOnly door (the console route, `claimgraph query`): the user's Cypher.
//   test   - a test file (test/**) called the store itself: a text the test made.
//   script - a statement of a cypher export script that `claimgraph import` runs (runImportStatement):
//            the file's text, data like the user's Cypher, not a text the app declares.
//   hosted - a store process ran what its HostedStore sent with `run` or `runInRolledBackTransaction`;
//            who made it is known only in the process that sent it, which records it as
//   sent:app / sent:test / sent:script / sent:unknown - (not an execution) the HostedStore caller, read from the
//            sending process's stack; a call sent again after a restart has the origin of its first
//            send; unknown when a queued call was first sent later (while the store was restarting).
// One line per (text, origin) the first time the process sees it: {"q": text, "o": origin}.
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';

const dir = process.env.CLAIMGRAPH_QUERY_LOG;
if (dir) {
  const require = createRequire(import.meta.url);
  const grafeo = require('@grafeo-db/js');
  const file = join(dir, `${process.pid}.jsonl`);
  const seen = new Set();
  const record = (query, origin) => {
    if (typeof query !== 'string') return;
    const key = `${origin}\u0000${query}`;
    if (seen.has(key)) return;
    seen.add(key);
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, `${JSON.stringify({ q: query, o: origin })}\n`);
    } catch {
      // A record lost is a query reported as never executed: the check fails loudly, never silently.
    }
  };

  /** The frames of the current stack as {fn, file}, innermost first, without this module's own. */
  const frames = () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const out = [];
    for (const line of stack.split('\n').slice(1)) {
      const m = /^\s*at (?:async )?(?:(.*?) \()?(.*?)(?::\d+:\d+)?\)?$/.exec(line);
      if (!m) continue;
      const fileName = m[2].replace(/^file:\/\//, '');
      if (fileName.endsWith('record-queries.mjs')) continue;
      // Frames without a source file (new Promise, Promise.all, node internals) say nothing about the caller.
      if (!fileName.startsWith('/')) continue;
      out.push({ fn: m[1] ?? '', file: fileName });
    }
    return out;
  };
  const isTest = (file) => /\/test\//.test(file);
  const isScript = (all) => all.some((f) => /\brunImportStatement$/.test(f.fn));

  /** Origin of a text the engine is about to run (see the list above). */
  const executionOrigin = () => {
    const all = frames();
    const inside = [];
    let i = 0;
    while (i < all.length && all[i].file.endsWith('/server/graph/embedded.ts')) inside.push(all[i++].fn);
    const caller = all[i];
    if (!caller) return 'app';
    if (isTest(caller.file)) return 'test';
    if (isScript(all)) return 'script';
    if (inside.some((fn) => /\breadOnly$/.test(fn))) return 'user';
    const entry = inside.at(-1) ?? '';
    if (caller.file.endsWith('/server/graph/host/child.ts') && /\b(run|runInRolledBackTransaction)$/.test(entry)) return 'hosted';
    return 'app';
  };

  for (const Class of [grafeo.GrafeoDB, grafeo.Transaction]) {
    const original = Class?.prototype?.executeCypher;
    if (typeof original !== 'function' || original.__recorded) continue;
    const wrapped = function executeCypher(query, ...rest) {
      record(query, executionOrigin());
      return original.call(this, query, ...rest);
    };
    wrapped.__recorded = true;
    Class.prototype.executeCypher = wrapped;
  }

  /** Origin of a `run` a HostedStore hands to its store process: the frame that called HostedStore. */
  const sendOrigin = () => {
    const all = frames();
    const entry = all.findIndex((f) => f.file.endsWith('/server/graph/host/store.ts') && /\b(run|runInRolledBackTransaction)$/.test(f.fn));
    if (entry < 0) return 'sent:unknown';
    if (isScript(all)) return 'sent:script';
    const caller = all.slice(entry + 1).find((f) => !f.file.endsWith('/server/graph/host/store.ts'));
    if (!caller) return 'sent:unknown';
    return isTest(caller.file) ? 'sent:test' : 'sent:app';
  };
  // HostedStore forks its store process with child_process.fork: watch what is sent to those processes.
  const firstSends = new Map();
  const childProcess = require('node:child_process');
  const fork = childProcess.fork;
  if (!fork.__recorded) {
    const wrappedFork = function (modulePath, args, options, ...rest) {
      const host = /graph[\\/]host[\\/]child\.ts$/.test(String(modulePath));
      // The store process gets an allow-listed environment (no NODE_OPTIONS): carry the record over to it.
      if (host && options?.env) options = { ...options, env: { ...options.env, NODE_OPTIONS: process.env.NODE_OPTIONS, CLAIMGRAPH_QUERY_LOG: dir } };
      const child = fork.call(this, modulePath, args, options, ...rest);
      if (host && typeof child.send === 'function') {
        const send = child.send;
        child.send = function (message, ...args) {
          if (message && (message.op === 'run' || message.op === 'runInRolledBackTransaction')) {
            // A call sent again after a restart keeps its id: it has the origin of its first send.
            const key = `${message.id}\u0000${message.args?.[0]}`;
            let origin = sendOrigin();
            if (origin === 'sent:unknown') origin = firstSends.get(key) ?? origin;
            else if (firstSends.size < 100_000) firstSends.set(key, origin);
            record(message.args?.[0], origin);
          }
          return send.call(this, message, ...args);
        };
      }
      return child;
    };
    wrappedFork.__recorded = true;
    childProcess.fork = wrappedFork;
    syncBuiltinESMExports();
  }
}
