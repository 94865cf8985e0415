import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transition } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../sagas/kit/index.ts';
import { orderSagaV1 } from '../../sagas/order/index.ts';
import { describeNatsAuth, redactNatsUrl } from '../../src/config/nats.ts';
import { loadOrchestratorConfig, ORCHESTRATOR_ENV_VARS } from '../../src/config/orchestrator.ts';
import { defaultInboxPrefix } from '../../src/messaging/connection.ts';
import { replySender, replySubject } from '../../src/messaging/index.ts';
import { loadParticipantConfig, PARTICIPANT_ENV_VARS } from '../../src/participants/config.ts';

const NATS_VARS = ['NATS_URL', 'NATS_USER', 'NATS_PASSWORD', 'NATS_TOKEN', 'NATS_CREDS_FILE', 'NATS_TLS_CA_FILE', 'NATS_TLS_CERT_FILE', 'NATS_TLS_KEY_FILE'];

describe('NATS credentials and TLS from the environment', () => {
  let dir: string;
  let file: (name: string, text?: string) => string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-nats-config-'));
    file = (name, text = 'x') => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects without credentials or TLS by default', () => {
    expect(loadOrchestratorConfig({}).nats).toEqual({ auth: { kind: 'none' }, tls: undefined });
    expect(loadParticipantConfig('payment', {}).nats).toEqual({ auth: { kind: 'none' }, tls: undefined });
  });

  it('reads user and password, a token, or a .creds file, in every process', () => {
    expect(loadOrchestratorConfig({ NATS_USER: 'orchestrator', NATS_PASSWORD: 's3cret' }).nats.auth).toEqual({ kind: 'userPassword', user: 'orchestrator', password: 's3cret' });
    expect(loadParticipantConfig('inventory', { NATS_TOKEN: 'tok' }).nats.auth).toEqual({ kind: 'token', token: 'tok' });
    const creds = file('svc.creds', '-----BEGIN NATS USER JWT-----\neyJ0\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\nSUAM\n------END USER NKEY SEED------\n');
    expect(loadParticipantConfig('shipping', { NATS_CREDS_FILE: creds }).nats.auth).toEqual({ kind: 'credsFile', path: creds });
  });

  it('reads TLS files: a CA alone (server-verified TLS) or with a client certificate and key', () => {
    const ca = file('ca.pem');
    const cert = file('client.pem');
    const key = file('client-key.pem');
    expect(loadOrchestratorConfig({ NATS_TLS_CA_FILE: ca }).nats.tls).toEqual({ caFile: ca, certFile: undefined, keyFile: undefined });
    expect(loadParticipantConfig('payment', { NATS_TLS_CA_FILE: ca, NATS_TLS_CERT_FILE: cert, NATS_TLS_KEY_FILE: key }).nats.tls).toEqual({ caFile: ca, certFile: cert, keyFile: key });
  });

  it('rejects incomplete or conflicting settings and missing files, naming the variable and never the secret', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ NATS_USER: 'u' }, /NATS_PASSWORD/],
      [{ NATS_PASSWORD: 'hunter2-secret' }, /NATS_USER/],
      [{ NATS_USER: 'u', NATS_PASSWORD: 'hunter2-secret', NATS_TOKEN: 'tok-secret' }, /NATS_TOKEN.*only one/],
      [{ NATS_TOKEN: 'tok-secret', NATS_CREDS_FILE: file('ok.creds', '-----BEGIN NATS USER JWT-----\n-----BEGIN USER NKEY SEED-----\n') }, /NATS_CREDS_FILE.*only one/],
      [{ NATS_CREDS_FILE: join(dir, 'missing.creds') }, /NATS_CREDS_FILE.*does not exist/],
      [{ NATS_CREDS_FILE: file('not.creds', 'user=x') }, /NATS_CREDS_FILE.*not a NATS \.creds file/],
      [{ NATS_CREDS_FILE: dir }, /NATS_CREDS_FILE.*not a file/],
      [{ NATS_TLS_CA_FILE: join(dir, 'missing-ca.pem') }, /NATS_TLS_CA_FILE/],
      [{ NATS_TLS_CERT_FILE: file('c.pem') }, /NATS_TLS_KEY_FILE/],
      [{ NATS_TLS_KEY_FILE: file('k.pem') }, /NATS_TLS_CERT_FILE/],
    ];
    for (const [env, message] of cases) {
      for (const load of [() => loadOrchestratorConfig(env), () => loadParticipantConfig('inventory', env)]) {
        let error: unknown;
        try {
          load();
        } catch (err) {
          error = err;
        }
        expect(error, JSON.stringify(env)).toBeInstanceOf(Error);
        const text = (error as Error).message;
        expect(text, JSON.stringify(env)).toMatch(message);
        expect(text).not.toMatch(/hunter2-secret|tok-secret/);
      }
    }
  });

  it('describes the method for logs without the secret, and masks credentials in URLs', () => {
    const described = JSON.stringify(describeNatsAuth(loadOrchestratorConfig({ NATS_USER: 'orchestrator', NATS_PASSWORD: 'hunter2' }).nats));
    expect(described).toContain('orchestrator');
    expect(described).not.toContain('hunter2');
    expect(JSON.stringify(describeNatsAuth(loadOrchestratorConfig({ NATS_TOKEN: 'tok-xyz' }).nats))).not.toContain('tok-xyz');
    expect(redactNatsUrl('nats://tok-xyz@nats:4222,tls://u:p@other:4443,nats://plain:4222')).toBe('nats://***@nats:4222,tls://***@other:4443,nats://plain:4222');
  });

  it('lists every variable each process reads, the NATS ones included', () => {
    for (const v of NATS_VARS) {
      expect(ORCHESTRATOR_ENV_VARS).toContain(v);
      for (const vars of Object.values(PARTICIPANT_ENV_VARS)) expect(vars).toContain(v);
    }
    expect(ORCHESTRATOR_ENV_VARS).toContain('STEP_TIMEOUT_MS');
    expect(PARTICIPANT_ENV_VARS.inventory).toContain('INVENTORY_DEFAULT_STOCK');
    expect(PARTICIPANT_ENV_VARS.inventory).not.toContain('PAYMENT_DEFAULT_BALANCE');
  });

  it('gives each service its own inbox prefix, so permissions can keep inboxes apart', () => {
    expect(defaultInboxPrefix('inventory')).toBe('_INBOX.inventory');
    expect(defaultInboxPrefix('not a token')).toBe('_INBOX');
  });
});

describe('reply senders', () => {
  it('a reply subject names its sender', () => {
    expect(replySubject('order', 'payment')).toBe('saga.reply.order.payment');
    expect(replySender('saga.reply.order.payment')).toBe('payment');
    expect(replySender('saga.reply.order')).toBeNull();
    expect(replySender('saga.reply.order.payment.extra')).toBeNull();
    expect(replySender('saga.cmd.payment.charge')).toBeNull();
  });

  it('a step accepts a reply from its own participant only', () => {
    const policy: RetryPolicy = { maxAttempts: 3, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
    const def = orderSagaV1({ step: policy, compensation: policy });
    const input = def.parseInput(
      { orderId: 'o-1', customerId: 'c-1', currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 5 }], shippingAddress: { line1: '1 St', city: 'X', postalCode: '1', country: 'DE' } },
      's-1',
    );
    const [start] = transition(def.machine, def.createdSnapshot('s-1', input, 0), { type: 'START', at: 0 });
    const reply = (participant: string) => ({ type: 'REPLY', at: 1, participant, commandId: 's-1:reserveInventory', attempt: 1, outcome: 'OK', reasonCode: '', detail: '' }) as const;
    // Payment answering inventory's step (its command id is guessable) changes nothing.
    const [forged] = transition(def.machine, start, reply('payment'));
    expect(forged).toBe(start);
    const [next] = transition(def.machine, start, reply('inventory'));
    expect(next).not.toBe(start);
    expect(def.describe(next).steps.find((s) => s.name === 'reserveInventory')?.status).toBe('succeeded');
  });
});
