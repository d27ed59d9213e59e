/**
 * SQLSTATEs that mean "the server went away or is not taking connections": class 08
 * (connection exception), 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery).
 */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** What postgres.js and Node's sockets report when a connection is gone or refused. */
const LOST_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ERR_STREAM_DESTROYED',
  // No pool connection within the bound (boundedReserve.ts).
  'POOL_TIMEOUT',
  // A transaction whose connection stopped answering (pipelinedBegin.ts).
  'TRANSACTION_TIMEOUT',
]);

/**
 * Whether `error`, or an error it wraps (drizzle and tRPC keep the driver's error as
 * `cause`), says the database connection was lost or could not be opened — a fault of
 * the infrastructure, worth a retry later, not of the request.
 *
 * @example
 * if (isConnectionLost(error)) return { ok: false, error: databaseUnavailable() };
 */
export function isConnectionLost(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Object; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (LOST_CODES.has(code) || isLostSqlState(code))) return true;
    if (current instanceof AggregateError && current.errors.some(isConnectionLost)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function isLostSqlState(code: string): boolean {
  return (code.length === 5 && code.startsWith('08')) || LOST_SQLSTATES.has(code);
}
