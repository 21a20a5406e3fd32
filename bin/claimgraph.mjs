#!/usr/bin/env node
// Entry point for `npx claimgraph` and `npm start`. The source is TypeScript run
// through tsx's loader, so a fresh clone needs no build step before use.
import { register as registerHooks } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Set before any of our code is compiled. V8 inlines map/filter/some/... into
// optimised code specialised to the array shapes seen so far; the extractor's
// stages meet many shapes, so its largest functions were optimised and thrown
// away a dozen times over the first ~2,000 articles of a run (--trace-deopt:
// "wrong map"). Without that inlining the code settles within ~500 articles:
// `extract --jsonl` on the 6 MB Wikinews bench needs about a sixth less CPU,
// and the steady-state speed is the same (docs/performance.md).
setFlagsFromString('--no-turbo-inline-array-builtins');

register();
// Registered after tsx's, so it is asked first: zod from its CommonJS build (bin/zod-hooks.mjs).
registerHooks('./zod-hooks.mjs', import.meta.url);
// A reader that stops early (`claimgraph export | head`) closes the pipe: that ends the command quietly, as it does for Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../server/cli/index.ts');
process.exitCode = await main(process.argv);
