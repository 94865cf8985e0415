import { describe, expect, it } from 'vitest';
import { loadParticipantConfig } from '../../../src/participants/index.ts';

describe('participant config', () => {
  it('has working local defaults', () => {
    expect(loadParticipantConfig('payment', {})).toEqual({
      names: ['payment'],
      name: 'payment',
      natsUrl: 'nats://127.0.0.1:4222',
      nats: { auth: { kind: 'none' }, tls: undefined },
      databasePath: './data/payment.db',
      databaseUrl: undefined,
      databasePoolSize: 12,
      httpPort: 3002,
      workerPoolSize: 10,
      ackWaitMs: 5_000,
      chaos: { failureRate: 0, delayMs: 0, unansweredRate: 0, actions: undefined },
      logLevel: 'info',
      adminToken: undefined,
      domain: { defaultBalance: 100_000 },
    });
    expect(loadParticipantConfig('inventory', {}).httpPort).toBe(3001);
    expect(loadParticipantConfig('inventory', {}).domain).toEqual({ defaultStock: 0 });
    expect(loadParticipantConfig('shipping', {}).httpPort).toBe(3003);
    expect(loadParticipantConfig('shipping', {}).domain).toEqual({ unservedCountries: ['AQ'] });
  });

  it('reads every setting', () => {
    const config = loadParticipantConfig('shipping', {
      NATS_URL: 'nats://nats:4222',
      DATABASE_PATH: '/data/s.db',
      HTTP_PORT: '8080',
      WORKER_POOL_SIZE: '32',
      ACK_WAIT_MS: '12000',
      CHAOS_FAILURE_RATE: '0.25',
      CHAOS_DELAY_MS: '150',
      CHAOS_UNANSWERED_RATE: '0.5',
      CHAOS_ACTIONS: 'chargePayment, scheduleShipment',
      LOG_LEVEL: 'debug',
      SHIPPING_UNSERVED_COUNTRIES: 'aq, kp,IR',
      DATABASE_URL: 'postgres://shipping:secret@db:5432/saga',
      DATABASE_POOL_SIZE: '20',
    });
    expect(config).toMatchObject({
      natsUrl: 'nats://nats:4222',
      databasePath: '/data/s.db',
      databaseUrl: 'postgres://shipping:secret@db:5432/saga',
      databasePoolSize: 20,
      httpPort: 8080,
      workerPoolSize: 32,
      ackWaitMs: 12_000,
      chaos: { failureRate: 0.25, delayMs: 150, unansweredRate: 0.5, actions: ['chargePayment', 'scheduleShipment'] },
      logLevel: 'debug',
      domain: { unservedCountries: ['AQ', 'KP', 'IR'] },
    });
  });

  it.each([
    ['WORKER_POOL_SIZE', 'abc'],
    ['WORKER_POOL_SIZE', '0'],
    ['WORKER_POOL_SIZE', '1001'],
    ['ACK_WAIT_MS', '999'],
    ['ACK_WAIT_MS', 'soon'],
    ['CHAOS_FAILURE_RATE', '1.5'],
    ['CHAOS_DELAY_MS', '-1'],
    ['CHAOS_UNANSWERED_RATE', '2'],
    ['CHAOS_UNANSWERED_RATE', 'often'],
    ['CHAOS_ACTIONS', 'charge'],
    ['CHAOS_ACTIONS', 'chargePayment,teleport'],
    ['CHAOS_ACTIONS', ','],
    ['HTTP_PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['NATS_URL', 'http://x/y'],
    ['PAYMENT_DEFAULT_BALANCE', '-10'],
    ['DATABASE_URL', 'mysql://db/saga'],
    ['DATABASE_POOL_SIZE', '1'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadParticipantConfig('payment', { [name]: value })).toThrow(name);
  });

  it('applies chaos to every command kind unless CHAOS_ACTIONS names some', () => {
    expect(loadParticipantConfig('payment', { CHAOS_ACTIONS: '  ' }).chaos.actions).toBeUndefined();
    // Kinds of other participants are accepted: one setting can be given to all three.
    expect(loadParticipantConfig('inventory', { CHAOS_ACTIONS: 'refundPayment' }).chaos.actions).toEqual(['refundPayment']);
    expect(() => loadParticipantConfig('payment', { CHAOS_ACTIONS: 'chargepayment' })).toThrow(/CHAOS_ACTIONS: unknown item "chargepayment": must be among reserveInventory, .*cancelShipment/);
  });

  it('validates only the settings of the participant it configures', () => {
    expect(() => loadParticipantConfig('shipping', { SHIPPING_UNSERVED_COUNTRIES: 'Antarctica' })).toThrow('SHIPPING_UNSERVED_COUNTRIES');
    expect(() => loadParticipantConfig('inventory', { INVENTORY_DEFAULT_STOCK: 'lots' })).toThrow('INVENTORY_DEFAULT_STOCK');
    expect(loadParticipantConfig('inventory', { PAYMENT_DEFAULT_BALANCE: 'x' }).name).toBe('inventory');
  });

  it('reads ADMIN_TOKEN, unset or blank meaning the write endpoints are open', () => {
    expect(loadParticipantConfig('inventory', {}).adminToken).toBeUndefined();
    expect(loadParticipantConfig('inventory', { ADMIN_TOKEN: '  ' }).adminToken).toBeUndefined();
    expect(loadParticipantConfig('payment', { ADMIN_TOKEN: ' abc.DEF-123_~+/== ' }).adminToken).toBe('abc.DEF-123_~+/==');
  });

  it.each(['has space', 'quote"', 'a=b', 'é'])('rejects ADMIN_TOKEN=%s without echoing it', (token) => {
    let message = '';
    try {
      loadParticipantConfig('payment', { ADMIN_TOKEN: token });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('ADMIN_TOKEN');
    // A secret must not end up in start-up logs.
    expect(message).not.toContain(token);
  });
});
