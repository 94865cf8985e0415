import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

/**
 * SIGKILLs `child` if this process exits while it still runs: a test worker that crashes, or a
 * benchmark killed by a closed pipe or Ctrl-C, must not leave servers running (they would hold ports
 * and CPU, and skew every measurement after them).
 */
export function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
}
