// A thin, synchronous-where-it-can-be wrapper of the podman CLI for the container checks: every
// call uses the project's containers.conf, and a failing call throws with podman's own message.
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENV = { ...process.env, CONTAINERS_CONF: join(ROOT, 'test/containers/containers.conf') };
const run = promisify(execFile);

/** Runs podman and returns its trimmed stdout; throws with stderr when it exits non-zero. */
export async function podman(args: string[], timeoutMs = 120_000): Promise<string> {
  try {
    const { stdout } = await run('podman', args, { env: ENV, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`podman ${args.join(' ')}: ${e.stderr?.trim() || e.message}`);
  }
}

/** Whether podman exits 0 (for checks whose failure is an answer, like a health check). */
export async function podmanOk(args: string[], timeoutMs = 60_000): Promise<boolean> {
  try {
    await run('podman', args, { env: ENV, timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/** Runs a script of the project (stand-in images) with the same environment; its output goes to the test's. */
export function runScript(path: string, timeoutMs: number): void {
  execFileSync(join(ROOT, path), { env: ENV, timeout: timeoutMs, stdio: 'inherit' });
}

/** Removes containers, volumes and networks by name, ignoring those that do not exist. */
export async function removeAll(what: { containers?: string[]; volumes?: string[]; networks?: string[] }): Promise<void> {
  if (what.containers?.length) await podmanOk(['rm', '-f', '-t', '2', ...what.containers], 120_000);
  if (what.volumes?.length) await podmanOk(['volume', 'rm', '-f', ...what.volumes]);
  if (what.networks?.length) await podmanOk(['network', 'rm', '-f', ...what.networks]);
}
