import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/index.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../db/testing/createScratchDatabase.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { ensureJobSchema, PGBOSS_SCHEMA } from './jobSchema.ts';

// The job schema is set up by every process at start-up: several at once on a fresh
// database (a rolling deploy, parallel test servers) must all succeed. On PostgreSQL
// each "process" is a pool of its own; PGlite belongs to one process.

const opened: Database[] = [];
let scratch: ScratchDatabase | undefined;

afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()));
  await scratch?.drop();
});

/** Independent handles on one fresh database: three pools on PostgreSQL, one PGlite. */
async function freshDatabaseHandles(): Promise<Database[]> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openTestDatabase();
    opened.push(database);
    return [database, database, database];
  }
  scratch = await createScratchDatabase(baseUrl);
  const url = scratch.url;
  const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url, maxConnections: 2 })));
  opened.push(...handles);
  return handles;
}

async function queues(database: Database) {
  const { rows } = await database.executeSql(
    `select name, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_minutes
     from ${PGBOSS_SCHEMA}.queue order by name`,
    [],
  );
  return rows;
}

describe('ensureJobSchema', () => {
  let handles: Database[] = [];

  it('installs pg-boss, the effect queues, the scan, invitation, account-mail, tracking-code, bulk and export queues, even from several processes at once', async () => {
    handles = await freshDatabaseHandles();
    const retry = { retryLimit: 5, retryDelaySeconds: 7, expireInSeconds: 120 };
    await Promise.all(handles.map((database) => ensureJobSchema(database, retry)));
    const expected = {
      retry_limit: 5,
      retry_delay: 7,
      retry_backoff: true,
      expire_seconds: 120,
      retention_minutes: 43_200,
    };
    // Bulk actions and exports run for minutes: never expired before 10.
    const long = { ...expected, expire_seconds: 600 };
    expect(await queues(handles[0]!)).toEqual([
      { name: 'account-mail', ...expected },
      { name: 'attachment-scan', ...expected },
      { name: 'bulk-action', ...long },
      { name: 'effect-letter', ...expected },
      { name: 'effect-notify', ...expected },
      { name: 'effect-webhook', ...expected },
      { name: 'queue-export', ...long },
      { name: 'staff-invitation', ...expected },
      { name: 'tracking-code-mail', ...expected },
    ]);
    // Opens a fresh PGlite inside the test (initdb in WASM) and installs pg-boss on it.
  }, 90_000);

  it('brings the retry policy of existing queues up to date', async () => {
    await ensureJobSchema(handles[1]!);
    expect(await queues(handles[0]!)).toEqual(
      [
        'account-mail',
        'attachment-scan',
        'bulk-action',
        'effect-letter',
        'effect-notify',
        'effect-webhook',
        'queue-export',
        'staff-invitation',
        'tracking-code-mail',
      ].map((name) => ({
        name,
        retry_limit: 10,
        retry_delay: 30,
        retry_backoff: true,
        // A killed worker's job runs again about a minute later; a scan may take 60 s.
        expire_seconds:
          name === 'attachment-scan'
            ? 90
            : name === 'bulk-action' || name === 'queue-export'
              ? 600
              : 60,
        retention_minutes: 43_200,
      })),
    );
  });
});
