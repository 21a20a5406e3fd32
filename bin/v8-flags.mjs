// V8 flags for every claimgraph process that runs the extractor (bin/claimgraph.mjs,
// and the bench, so the extractor measured in process runs as the CLI runs it).
// Imported for its effect, before any of our code is compiled.
//
// V8 inlines map/filter/some/... into optimised code specialised to the array
// shapes seen so far; the extractor's stages meet many shapes, so its largest
// functions were optimised and thrown away a dozen times over the first ~2,000
// articles of a run (--trace-deopt: "wrong map"). Without that inlining the code
// settles within ~500 articles: `extract --jsonl` on the 6 MB Wikinews bench
// needs about a sixth less CPU, and the steady-state speed is the same
// (docs/performance.md).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-turbo-inline-array-builtins');
