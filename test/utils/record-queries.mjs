// Loaded into every Node process of a test run through NODE_OPTIONS (--import), set by
// test/global-setup.ts: test workers, the CLI children and the hosted store's processes. It wraps
// the embedded engine's executeCypher (the only door to the engine) and appends each query text the
// process sends, the first time it sends it, to a file of its own under CLAIMGRAPH_QUERY_LOG. Nothing
// is changed about what runs; test/meta/queries-executed.test.ts reads the files after the suite.
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.CLAIMGRAPH_QUERY_LOG;
if (dir) {
  const grafeo = createRequire(import.meta.url)('@grafeo-db/js');
  const file = join(dir, `${process.pid}.jsonl`);
  const seen = new Set();
  const record = (query) => {
    if (typeof query !== 'string' || seen.has(query)) return;
    seen.add(query);
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, `${JSON.stringify(query)}\n`);
    } catch {
      // A record lost is a query reported as never executed: the check fails loudly, never silently.
    }
  };
  for (const Class of [grafeo.GrafeoDB, grafeo.Transaction]) {
    const original = Class?.prototype?.executeCypher;
    if (typeof original !== 'function' || original.__recorded) continue;
    const wrapped = function executeCypher(query, ...rest) {
      record(query);
      return original.call(this, query, ...rest);
    };
    wrapped.__recorded = true;
    Class.prototype.executeCypher = wrapped;
  }
}
