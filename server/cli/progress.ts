import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (CI logs,
 * pipes), where the command's final summary line is what gets read.
 */
export function progressBar(label: string, enabled: boolean) {
  const active = enabled && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} {bar} {value}/{total} {info}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    /** total null: unknown yet; the bar then tracks the count so far. */
    update(done: number, total: number | null, info = '') {
      if (!active) return;
      const t = Math.max(total ?? done, 1);
      if (!started) {
        bar.start(t, done, { info });
        started = true;
      } else {
        bar.setTotal(t);
        bar.update(done, { info });
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
