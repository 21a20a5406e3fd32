#!/usr/bin/env node
// Entry point for `npx claimgraph` and `npm start`. The source is TypeScript run
// through tsx's loader, so a fresh clone needs no build step before use.
import './v8-flags.mjs';
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

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
