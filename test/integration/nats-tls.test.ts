// NATS_TLS_* and NATS_TOKEN end to end: a nats-server that requires TLS with client certificates
// (a throw-away CA made with openssl) and a token, reached by connectNats and by a real process.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/messaging/index.ts';
import { NatsServer, freePort } from '../support/nats-server.ts';
import { ServiceProcess } from '../support/processes.ts';

const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((p) => existsSync(p));

/** A CA, a server certificate for 127.0.0.1 and a client certificate, in `dir`. */
function makeCertificates(dir: string): { ca: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string } {
  const run = (...args: string[]) => execFileSync(OPENSSL!, args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=saga-test-ca');
  const issue = (name: string, extensions: string) => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    run('req', ...ec, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
  };
  issue('server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('client', 'extendedKeyUsage=clientAuth\n');
  return {
    ca: join(dir, 'ca.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
    clientCert: join(dir, 'client.pem'),
    clientKey: join(dir, 'client-key.pem'),
  };
}

describe.skipIf(!OPENSSL)('NATS over mutual TLS with a token', () => {
  let dir: string;
  let nats: NatsServer;
  let certs: ReturnType<typeof makeCertificates>;
  const token = `tok_${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saga-nats-tls-'));
    certs = makeCertificates(dir);
    const config = join(dir, 'tls.conf');
    writeFileSync(
      config,
      `tls { cert_file: "${certs.serverCert}", key_file: "${certs.serverKey}", ca_file: "${certs.ca}", verify: true, timeout: 2 }\n` +
        `authorization { token: "${token}" }\n`,
    );
    nats = await NatsServer.start({ configFile: config });
  });

  afterAll(async () => {
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('connects with the CA, a client certificate and the token, and refuses each one missing', async () => {
    const tls = { caFile: certs.ca, certFile: certs.clientCert, keyFile: certs.clientKey };
    const nc = await connectNats({ servers: nats.url, name: 'tls-test', auth: { kind: 'token', token }, tls });
    try {
      expect(nc.info?.tls_required).toBe(true);
      expect((await (await jetstreamManager(nc)).getAccountInfo()).streams).toBeGreaterThanOrEqual(0);
    } finally {
      await nc.close();
    }
    await expect(connectNats({ servers: nats.url, name: 'no-token', tls })).rejects.toThrow(/Authorization Violation/);
    await expect(
      connectNats({ servers: nats.url, name: 'untrusted-server', auth: { kind: 'token', token }, tls: { certFile: certs.clientCert, keyFile: certs.clientKey } }),
    ).rejects.toThrow(/verify|certificate/);
    // The server drops a client without a certificate after the handshake; nats.js then waits for
    // its connect timeout (20 s by default), so this one case dials with a short timeout.
    await expect(connect({ servers: nats.url, name: 'no-client-cert', token, tls: { caFile: certs.ca }, timeout: 2_000 })).rejects.toThrow();
  });

  it('the orchestrator process connects from NATS_TOKEN and NATS_TLS_* alone', async () => {
    const proc = new ServiceProcess('orchestrator', {
      NATS_URL: nats.url,
      NATS_TOKEN: token,
      NATS_TLS_CA_FILE: certs.ca,
      NATS_TLS_CERT_FILE: certs.clientCert,
      NATS_TLS_KEY_FILE: certs.clientKey,
      DATABASE_PATH: join(dir, 'orchestrator.db'),
      HTTP_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    try {
      await proc.start();
      const ready = await fetch(`http://127.0.0.1:${proc.env.HTTP_PORT}/readyz`);
      expect(ready.status).toBe(200);
      expect(proc.logs).not.toContain(token);
    } finally {
      await proc.stop('SIGTERM');
    }
  });
});
