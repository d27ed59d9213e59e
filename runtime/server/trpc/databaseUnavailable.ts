import { isConnectionLost } from '../../db/driver/connectionLost.ts';
import type { DomainError } from '../core/domainError.ts';

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The one error for "the database cannot be reached right now": a connection lost or
 * refused, whatever the driver called it. HTTP 503 with `Retry-After` at the edges.
 */
export const DATABASE_UNAVAILABLE: DomainError = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
};

/**
 * Whether an error thrown below the edge is a lost database connection.
 *
 * @example
 * if (databaseUnavailableCause(error)) answer503(res);
 */
export function databaseUnavailableCause(error: unknown): boolean {
  return isConnectionLost(error);
}
