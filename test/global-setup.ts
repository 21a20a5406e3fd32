// Builds the UI once before the suite when client/dist is missing or stale,
// so `npm install && npm test` works on a fresh clone.
export default async function setup(): Promise<void> {
  // @ts-expect-error: a plain .mjs script shared with `npm start`, no type declarations
  const { ensureClientBuilt } = (await import('../scripts/ensure-client.mjs')) as { ensureClientBuilt: (o: { quiet: boolean }) => Promise<boolean> };
  await ensureClientBuilt({ quiet: true });
}
