// Decentralized authentication (NATS_CREDS_FILE): a nats-server in operator mode trusting one
// operator, every service connecting with its own user's .creds file, as `nsc` hands them out.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsServer, freePort, waitFor } from '../support/nats-server.ts';
import { NatsOperator } from '../support/nats-operator.ts';
import { ServiceProcess, startProcesses, type ProcessSystem } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

const SERVICES = ['orchestrator', 'inventory', 'payment', 'shipping', 'travel'] as const;

describe('services authenticated by .creds files against an operator-mode nats-server', () => {
  const operator = new NatsOperator();
  let dir: string;
  let nats: NatsServer;
  let system: ProcessSystem;
  const publicKeys: Record<string, string> = {};

  /** Writes a .creds file readable by its owner only, as a secret should be. */
  const credsFile = (name: string, content: string): string => {
    const path = join(dir, `${name}.creds`);
    writeFileSync(path, content);
    chmodSync(path, 0o600);
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saga-creds-'));
    const config = join(dir, 'operator.conf');
    writeFileSync(config, operator.serverConfig());
    nats = await NatsServer.start({ configFile: config });
    const own = Object.fromEntries(
      SERVICES.map((s) => {
        const user = operator.app.newUser(s);
        publicKeys[s] = user.publicKey;
        return [s, { NATS_CREDS_FILE: credsFile(s, user.creds), ...(s === 'inventory' ? { INVENTORY_DEFAULT_STOCK: '100' } : {}) }];
      }),
    );
    system = await startProcesses(nats.url, dir, own);
  });

  afterAll(async () => {
    await system?.killAll();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Places an order and waits for its saga to complete. */
  const completeSaga = async () => {
    const api = `http://127.0.0.1:${system.orchestrator.env.HTTP_PORT}`;
    const res = await fetch(`${api}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody()) });
    expect(res.status).toBe(202);
    const { sagaId } = (await res.json()) as { sagaId: string };
    let saga: { status: string; reason: string | null } = { status: 'running', reason: null };
    await waitFor(async () => {
      saga = (await (await fetch(`${api}/sagas/${sagaId}`)).json()) as typeof saga;
      return saga.status === 'completed' || saga.status === 'cancelled';
    }, 15_000, 'saga finished');
    expect(saga).toMatchObject({ status: 'completed', reason: null });
  };

  /** The user each service's connection is authenticated as, from the server's monitoring. */
  const connectedUsers = async (): Promise<Map<string, string | undefined>> => {
    const connz = (await (await fetch(`http://127.0.0.1:${nats.monitorPort}/connz?auth=1`)).json()) as { connections: { name?: string; authorized_user?: string }[] };
    return new Map(connz.connections.filter((c) => c.name && SERVICES.includes(c.name as never)).map((c) => [c.name!, c.authorized_user]));
  };

  it('runs a saga to completion with every service on its own user', async () => {
    await completeSaga();
    const users = await connectedUsers();
    expect([...users.keys()].sort()).toEqual([...SERVICES].sort());
    expect(new Set(users.values()).size).toBe(SERVICES.length);
    for (const service of SERVICES) expect(users.get(service)).toBe(publicKeys[service]);
  });

  it('picks up a rotated .creds file when it reconnects, without a restart', async () => {
    const rotated = operator.app.newUser('payment');
    credsFile('payment', rotated.creds);
    await nats.restart(200);
    await waitFor(async () => (await connectedUsers()).get('payment') === rotated.publicKey, 15_000, 'payment reconnected as its new user');
    await completeSaga();
  });

  it('refuses a service whose user was issued by an account the server does not trust', async () => {
    const stranger = new NatsOperator().app.newUser('orchestrator');
    const orchestrator = new ServiceProcess('orchestrator', {
      NATS_URL: nats.url,
      DATABASE_PATH: join(dir, 'stranger.db'),
      HTTP_PORT: String(await freePort()),
      NATS_CREDS_FILE: credsFile('stranger', stranger.creds),
    });
    await expect(orchestrator.start()).rejects.toThrow(/exited with 1/);
    expect(orchestrator.logs).toMatch(/authorization violation/i);
    // Neither the seed nor the JWT is printed.
    const secrets = stranger.creds.split('\n').filter((line) => /^(eyJ|SU)/.test(line));
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) expect(orchestrator.logs).not.toContain(secret);
  });
});
