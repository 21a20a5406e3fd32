/**
 * Test and benchmark probes. A chart's `probe` option (off by default) puts a
 * small read-only handle on its element as `__probe` (node positions, render
 * times, layout state): the charts' public API stays what views need. The
 * option's default is on only when the page set `__claimgraphProbes = true`
 * before the app loaded (the browser tests' and the benchmark's init script),
 * so views need not know about it.
 */
export function probesRequested(): boolean {
  return (globalThis as { __claimgraphProbes?: unknown }).__claimgraphProbes === true;
}

/** Attaches a probe to a chart's element (replacing an earlier one). */
export function attachProbe(el: HTMLElement, probe: object): void {
  (el as HTMLElement & { __probe?: object }).__probe = probe;
}
