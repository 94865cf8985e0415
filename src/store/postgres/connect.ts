import pg from 'pg';

/** PostgreSQL's type id of BIGINT (int8), which node-postgres returns as a string by default. */
const INT8_OID = 20;

/**
 * Epoch milliseconds, sequences and counts are BIGINT here and well inside Number's exact range
 * (2^53): read them as numbers, as SQLite gives them, so rows look the same on both stores.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PostgresPoolOptions {
  /** Connections at most; default 10. */
  max?: number;
  /** Shown in pg_stat_activity, so an operator sees which process holds what. */
  applicationName?: string;
  /** The schema unqualified names resolve to (a participant's own); PostgreSQL's default when unset. */
  searchPath?: string;
  /** A pooled connection that failed outside a query (the server restarted): told here, never thrown. */
  onIdleError?: (err: Error) => void;
}

/**
 * A connection pool for `url` (postgres://user:password@host:port/database?sslmode=…). The standard
 * variables fill in what the URL leaves out (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), and
 * PGSSLMODE (disable, prefer, require, verify-ca, verify-full, no-verify) sets TLS unless the URL
 * names an sslmode itself.
 */
export function openPostgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName,
    types,
    // A dead server must fail a request in seconds, not hang it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  // A connection that dies while checked out between two queries (the server restarted) emits
  // 'error' on its client, which the pool only listens to while the client is idle: unheard, it
  // would end the process. The query in flight, or the next one, fails and is handled there.
  pool.on('connect', (client) => client.on('error', (err) => options.onIdleError?.(err)));
  return pool;
}

/** The URL with its password masked, for logs and messages (credentials are never logged). */
export function redactPostgresUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@/]*@/, '$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}
