// Decentralized NATS authentication for tests: an operator, an account with JetStream, users and
// their .creds files, as `nsc` would make them, and a server configuration that trusts them (a
// memory resolver, so no account server is needed).
import { createHash } from 'node:crypto';
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';

const b64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** A signed NATS JWT (version 2 claims) about `subject`, issued by `issuer`. */
function signJwt(issuer: KeyPair, subject: string, name: string, nats: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }));
  const claims = { jti: '', iat: Math.floor(Date.now() / 1000), iss: issuer.getPublicKey(), name, sub: subject, nats: { ...nats, version: 2 } };
  claims.jti = createHash('sha256').update(JSON.stringify(claims)).digest('hex').slice(0, 52).toUpperCase();
  const body = b64url(JSON.stringify(claims));
  const signature = b64url(issuer.sign(new TextEncoder().encode(`${header}.${body}`)));
  return `${header}.${body}.${signature}`;
}

const UNLIMITED = { subs: -1, data: -1, payload: -1, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1 };

/** An account the operator signed; `jetstream` grants it unlimited streams and storage. */
export class NatsAccount {
  readonly keys: KeyPair = createAccount();
  readonly jwt: string;

  constructor(operator: KeyPair, name: string, jetstream: boolean) {
    const limits = jetstream ? { ...UNLIMITED, mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 } : UNLIMITED;
    this.jwt = signJwt(operator, this.keys.getPublicKey(), name, { type: 'account', limits, default_permissions: { pub: {}, sub: {} } });
  }

  /** A new user of this account: its public key and its .creds file (user JWT and seed). */
  newUser(name: string): { publicKey: string; creds: string } {
    const user = createUser();
    const jwt = signJwt(this.keys, user.getPublicKey(), name, { type: 'user', pub: {}, sub: {}, subs: -1, data: -1, payload: -1 });
    const seed = new TextDecoder().decode(user.getSeed());
    const creds = [
      '-----BEGIN NATS USER JWT-----',
      jwt,
      '------END NATS USER JWT------',
      '',
      '************************* IMPORTANT *************************',
      'NKEY Seed printed below can be used to sign and prove identity.',
      'NKEYs are sensitive and should be treated as secrets.',
      '',
      '-----BEGIN USER NKEY SEED-----',
      seed,
      '------END USER NKEY SEED------',
      '',
    ].join('\n');
    return { publicKey: user.getPublicKey(), creds };
  }
}

/** An operator with a system account and one application account with JetStream. */
export class NatsOperator {
  private readonly keys = createOperator();
  readonly jwt: string;
  readonly system: NatsAccount;
  readonly app: NatsAccount;

  constructor() {
    this.jwt = signJwt(this.keys, this.keys.getPublicKey(), 'test-operator', { type: 'operator' });
    this.system = new NatsAccount(this.keys, 'SYS', false);
    this.app = new NatsAccount(this.keys, 'APP', true);
  }

  /** nats-server configuration trusting this operator and preloading its two accounts. */
  serverConfig(): string {
    return [
      `operator: ${this.jwt}`,
      `system_account: ${this.system.keys.getPublicKey()}`,
      'resolver: MEMORY',
      'resolver_preload: {',
      `  ${this.system.keys.getPublicKey()}: ${this.system.jwt}`,
      `  ${this.app.keys.getPublicKey()}: ${this.app.jwt}`,
      '}',
      '',
    ].join('\n');
  }
}
