import { sql } from 'drizzle-orm';
import type { Database } from '../../db/types.ts';

/** How long the readiness probe waits for the database. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the database answers `select 1` within two seconds: the readiness probe.
 *
 * @example
 * const ready = await databaseAnswers(deps.database);
 */
export async function databaseAnswers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  const probe = database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
