import type { ChildProcess } from 'node:child_process';
import type { HostedStore } from '../../server/graph/index.js';

/** A call as HostedStore hands it to its store process (server/graph/host/protocol.ts). */
export interface SentCall {
  id: number;
  op: string;
  args: unknown[];
}

/**
 * Kills the store process of `store` (SIGKILL, as a crash or the OOM killer
 * would) at a chosen call, so a test can crash it at an exact point of the
 * app's work instead of hoping a timed kill lands there. `when(call)` sees
 * each call the store hands to its current process; on the first it returns
 * a mode for:
 * - `after-handover`: the call is handed to the process, then the process is
 *   killed at once, while it runs the call (it cannot have answered yet).
 * - `instead`: the call is never handed over; the process is killed in its
 *   place (the call is lost, exactly as with a crash just before it ran).
 * Only the current process is tapped, once: the process started after the
 * crash runs normally. Reads HostedStore's private `child` (no public door
 * shows the process's channel); fails loudly if that field moves.
 */
export function crashStoreProcessAt(store: HostedStore, when: (call: SentCall) => 'after-handover' | 'instead' | null): Promise<SentCall> {
  const child = (store as unknown as { child?: { proc?: ChildProcess } }).child;
  const proc = child?.proc;
  if (!proc || typeof proc.send !== 'function') throw new Error('expected HostedStore to hold its running store process in `child.proc`; found none (did the class change?)');
  const send = proc.send.bind(proc) as (message: unknown, ...rest: unknown[]) => boolean;
  return new Promise((resolve) => {
    let done = false;
    proc.send = ((message: unknown, ...rest: unknown[]) => {
      const call = message as SentCall;
      const mode = done || typeof call?.op !== 'string' ? null : when(call);
      if (mode === null) return send(message, ...rest);
      done = true;
      proc.send = send as ChildProcess['send'];
      if (mode === 'instead') {
        proc.kill('SIGKILL');
        resolve(call);
        return true;
      }
      const sent = send(message, ...rest);
      proc.kill('SIGKILL');
      resolve(call);
      return sent;
    }) as ChildProcess['send'];
  });
}
