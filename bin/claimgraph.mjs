#!/usr/bin/env node
// Entry point for `npx claimgraph` and `npm start`. The source is TypeScript run
// through tsx's loader, so a fresh clone needs no build step before use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/index.ts');
process.exitCode = await main(process.argv);
