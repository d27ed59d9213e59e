import { isConnectionLost } from './connectionLost.ts';

let installed = false;

/**
 * Keeps the process alive when a connection is lost while postgres.js (3.4) fetches the
 * array types, right after connecting: it starts that query from a message handler and
 * never awaits it, so its failure is an unhandled rejection, which ends a Node process.
 * The connection itself fails and reconnects as usual. Only that rejection is let go:
 * any other unhandled rejection is thrown again, and ends the process as before.
 *
 * @example
 * surviveLostTypeFetch();
 */
export function surviveLostTypeFetch(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isLostTypeFetch(reason)) return;
    throw reason;
  });
}

/** Whether `reason` is postgres.js's array-type fetch failing on a lost connection. */
export function isLostTypeFetch(reason: unknown): boolean {
  const query = (reason as { query?: unknown } | null)?.query;
  return (
    typeof query === 'string' && query.includes('pg_catalog.pg_type a') && isConnectionLost(reason)
  );
}
