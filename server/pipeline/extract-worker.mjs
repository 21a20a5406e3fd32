// Entry of an extraction worker thread (server/pipeline/pool.ts). The source is TypeScript run through tsx's
// loader, which a worker thread does not inherit from the process that starts it: register it here first.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
