import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, DriverKind } from '../types.ts';
import { openTestDatabase, testDrivers } from './openTestDatabase.ts';

/**
 * Runs one behaviour suite on every driver of the run (`testDrivers()`), each with its
 * own migrated database opened once for the suite. Tests inside share that database and
 * run in order, so give each test its own tenant (`seedTenant`) rather than cleaning up.
 * Model: drizzle's `integration-tests/tests/pg/pg-common.ts`.
 *
 * @example
 * describeOnEachDriver('units', (database) => {
 *   it('inserts', async () => {
 *     await database().db.insert(tenants).values({ slug: 'a', name: 'A' });
 *   });
 * });
 */
export function describeOnEachDriver(
  name: string,
  suite: (database: () => Database, kind: DriverKind) => void,
): void {
  for (const kind of testDrivers()) {
    describe(`${name} [${kind}]`, () => {
      let opened: Database | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase({ driver: kind });
      });
      afterAll(async () => {
        await opened?.close();
      });
      suite(() => {
        if (!opened) throw new Error('guichet: the test database is not open yet');
        return opened;
      }, kind);
    });
  }
}
