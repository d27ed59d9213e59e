import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import { tenants } from '../schema/tenants.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import type { Database } from '../types.ts';

describeOnEachDriver('executeSql', (database) => {
  it('runs parametrised SQL and converts values as node-postgres would', async () => {
    const { rows } = await database().executeSql(
      'select $1::jsonb as j, $2::int as n, $3::text as t, $4::timestamptz as at, $5::uuid[] as ids',
      [
        { a: [1, 'é'] },
        undefined,
        'x',
        new Date('2026-01-02T03:04:05.678Z'),
        [crypto.randomUUID()],
      ],
    );
    const [row] = rows as Array<{ j: unknown; n: unknown; t: string; at: string; ids: string[] }>;
    expect(row!.j).toEqual({ a: [1, 'é'] });
    expect(row!.n).toBeNull();
    expect(row!.t).toBe('x');
    // Timestamps stay PostgreSQL text on both drivers.
    expect(new Date(row!.at).toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(row!.ids).toHaveLength(1);
  });

  it('runs a multi-statement script with its own transaction and returns the last rows', async () => {
    const { executeSql } = database();
    const { rows } = await executeSql(
      'begin; create table script_probe (n int); insert into script_probe values (1), (2); commit; select count(*)::int as n from script_probe',
    );
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('recovers from a script that fails inside its own transaction', async () => {
    const { executeSql } = database();
    await expect(executeSql('begin; select 1/0; commit')).rejects.toThrow(/division by zero/);
    const { rows } = await executeSql('select 1 as one');
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('runs inside a drizzle transaction and rolls back with it', async () => {
    const { db } = database();
    const insert = 'insert into tenants (slug, name) values ($1, $2) returning slug';
    await expect(
      db.transaction(async (tx) => {
        const { rows } = await sqlExecutorFor(tx)(insert, ['raw-rolled-back', 'R']);
        expect(rows).toEqual([{ slug: 'raw-rolled-back' }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.transaction(async (tx) => {
      await sqlExecutorFor(tx)(insert, ['raw-committed', 'C']);
    });
    const slugs = (await db.select().from(tenants)).map((row) => row.slug);
    expect(slugs).toContain('raw-committed');
    expect(slugs).not.toContain('raw-rolled-back');
  });

  describeOutbox(database);
});

/** pg-boss 10 on our adapters: the transactional outbox the effect worker relies on. */
function describeOutbox(database: () => Database): void {
  let boss: PgBoss;
  const queue = 'outbox-probe';

  beforeAll(async () => {
    boss = new PgBoss({
      db: { executeSql: database().executeSql },
      supervise: false,
      schedule: false,
    });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    await boss.createQueue(queue);
  });

  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
  });

  it('pg-boss enqueues inside our transaction: committed jobs exist, rolled-back ones do not', async () => {
    const { db } = database();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: 'outbox-lost', name: 'Lost' });
        await boss.send(queue, { kept: false }, { db: { executeSql: sqlExecutorFor(tx) } });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    await db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: 'outbox-kept', name: 'Kept' });
      await boss.send(queue, { kept: true }, { db: { executeSql: sqlExecutorFor(tx) } });
    });
    const jobs = await boss.fetch<{ kept: boolean }>(queue, { batchSize: 10 });
    expect(jobs.map((job) => job.data)).toEqual([{ kept: true }]);
    await boss.complete(queue, jobs[0]!.id);
    expect(await db.select().from(tenants).where(eq(tenants.slug, 'outbox-lost'))).toEqual([]);
  });
}
