// Module hooks for bin/claimgraph.mjs (start-up): `import ... from 'zod'` loads
// zod's CommonJS build through Node's require() instead of its ~95 ES modules,
// each of which would be a round trip to tsx's loader thread. Same code, same
// exports, one instance (every import in server/ names 'zod' itself).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const ZOD_CJS = pathToFileURL(createRequire(import.meta.url).resolve('zod')).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'zod') return { url: ZOD_CJS, format: 'commonjs', shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  // no source: Node's CommonJS loader reads the file, and zod's own require() calls stay out of the hooks
  if (url === ZOD_CJS) return { format: 'commonjs', shortCircuit: true };
  return next(url, context);
}
