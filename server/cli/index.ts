import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { normalizeError } from '../errors.js';

type Runner = (config: Config, flags: Record<string, unknown>, ...rest: unknown[]) => Promise<number>;
/**
 * Each command's module is loaded when the command runs: `extract` need not
 * load the graph store, the HTTP server and the claims machinery (about a
 * second of start-up per run, measured on `extract --jsonl`).
 */
const lazy = <M>(load: () => Promise<M>, pick: (m: M) => Runner): Runner => async (...args) => pick(await load())(...args);
const runServe = lazy(() => import('./serve.js'), (m) => m.runServe);
const runStart = lazy(() => import('./serve.js'), (m) => m.runStart);
const runIngest = lazy(() => import('./ingest.js'), (m) => m.runIngest);
const runExtract = lazy(() => import('./extract.js'), (m) => m.runExtract);
const runQuery = lazy(() => import('./query.js'), (m) => m.runQuery);
const runStats = lazy(() => import('./query.js'), (m) => m.runStats);
const runExport = lazy(() => import('./exchange.js'), (m) => m.runExport);
const runImport = lazy(() => import('./exchange.js'), (m) => m.runImport);
const runMigrate = lazy(() => import('./exchange.js'), (m) => m.runMigrate);
const runBackfillEvents = lazy(() => import('./backfill.js'), (m) => m.runBackfillEvents);
const runRerunIdentity = lazy(() => import('./identity.js'), (m) => m.runRerunIdentity);

/**
 * The claimgraph command line. Returns the exit code instead of exiting so
 * tests can call it in-process; bin/claimgraph.mjs sets process.exitCode.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const withConfig = (fn: (config: Config, flags: Record<string, unknown>, ...rest: unknown[]) => Promise<number>) =>
    async (...args: unknown[]) => {
      // commander passes (positional..., options, command)
      const flags = args[args.length - 2] as Record<string, unknown>;
      const env = { ...process.env };
      if (typeof flags.data === 'string') env.CLAIMGRAPH_DATA = flags.data;
      exitCode = await fn(loadConfig(env), flags, ...args.slice(0, -2));
    };

  const program = new Command()
    .name('claimgraph')
    .description('Who said what, about whom, and when, across news sources.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const dataOption = ['--data <dir>', 'embedded store directory (env CLAIMGRAPH_DATA, default ./data); ignored when NEO4J_URI is set'] as const;

  const serving = [
    ['start', 'ingest the bundled sample articles when the graph is empty, then serve the UI and API', runStart],
    ['serve', 'serve the UI and the HTTP API', runServe],
  ] as const;
  for (const [name, description, run] of serving) {
    program
      .command(name)
      .description(description)
      .option(...dataOption)
      .option('--host <host>', 'interface to bind (env CLAIMGRAPH_HOST, default 127.0.0.1)')
      .option('--port <port>', 'port (env CLAIMGRAPH_PORT, default 3000)')
      .action(withConfig(run));
  }

  program
    .command('ingest')
    .description('read articles (files, folders, URLs, feeds, JSON/JSONL, "-" for stdin), extract statements, store them')
    .argument('<inputs...>', 'files, folders, http(s) URLs or -')
    .option(...dataOption)
    .option('--retrieved-at <iso>', 'when the pages were retrieved; resolves "2 hours ago" (default: file time, else now)')
    .option('--published-at <iso>', 'publication date for every article read')
    .option('--source <name>', 'source (outlet) name for inputs that do not name one')
    .option('--max-bytes <n>', 'size cap per file or URL (env CLAIMGRAPH_MAX_INPUT_BYTES, default 10 MB)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(withConfig(runIngest));

  program
    .command('extract')
    .description('extract statements without storing them; one JSON object per file (or per stdin line with --jsonl)')
    .argument('[files...]', 'text, HTML or JSON files')
    .option('--retrieved-at <iso>', 'when the pages were retrieved')
    .option('--published-at <iso>', 'publication date of the articles')
    .option('--json', 'JSON output (one object per file, one per line)')
    .option('--jsonl', 'read JSON lines {"id","text","title"?,"publishedAt"?,"retrievedAt"?} from stdin')
    .action(withConfig(runExtract));

  program
    .command('query')
    .description('run a read-only Cypher query; prints a table, or JSON with --json')
    .argument('<cypher>', 'the query')
    .option(...dataOption)
    .option('--param <name=value...>', 'query parameter (value parsed as JSON when it is JSON)')
    .option('--limit <n>', 'maximum rows (default 1000)')
    .option('--json', 'print rows as JSON')
    .action(withConfig(runQuery));

  program
    .command('stats')
    .description('counts of sources, articles, statements, actors and claims')
    .option(...dataOption)
    .option('--json', 'print as JSON')
    .action(withConfig(runStats));

  program
    .command('export')
    .description('export the graph: jsonl (one article per line, re-importable), statements (flat JSON lines), graphml, cypher, csv, annotations (W3C Web Annotation JSON-LD), claims (schema.org Claim JSON-LD)')
    .option(...dataOption)
    .requiredOption('--format <format>', 'jsonl | statements | graphml | cypher | csv | annotations | claims')
    .option('--out <path>', 'write to a file (a directory for csv) instead of stdout')
    .action(withConfig(runExport));

  program
    .command('import')
    .description('load a jsonl or cypher export into the store (idempotent: rerun to resume)')
    .argument('<file>', 'a file written by export --format jsonl or --format cypher')
    .option(...dataOption)
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(withConfig(runImport));

  program
    .command('backfill-events')
    .description('run the events step for stored articles that lack it (stored before it existed, or interrupted); idempotent')
    .option(...dataOption)
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(withConfig(runBackfillEvents));

  program
    .command('rerun-identity')
    .description('re-run actor identity over the stored graph after a rule change: rebuild the alias index, merge actors the rules find to be one; never undoes a user\'s merge or split')
    .option(...dataOption)
    .option('--dry-run', 'report what would change, write nothing')
    .option('--json', 'print the summary as JSON')
    .action(withConfig(runRerunIdentity));

  program
    .command('migrate')
    .description('copy the embedded store into Neo4j, one article per transaction (rerun to resume)')
    .requiredOption('--to <uri>', 'bolt://HOST:7687')
    .option(...dataOption)
    .option('--user <user>', 'Neo4j user (env NEO4J_USER, default neo4j)')
    .option('--password <password>', 'Neo4j password (env NEO4J_PASSWORD)')
    .option('--database <name>', 'Neo4j database (env NEO4J_DATABASE)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(withConfig(runMigrate));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode;
    }
    const appError = normalizeError(error);
    process.stderr.write(`claimgraph: ${appError.message}\n`);
    for (const d of appError.details) process.stderr.write(`  ${d.path ?? ''} ${d.message}\n`);
    return appError.code === 'BAD_INPUT' ? 2 : 1;
  }
}
