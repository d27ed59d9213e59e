import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rateLimits } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/index.ts';
import { hit } from './hit.ts';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('hit', () => {
  it('allows `limit` hits per window, then refuses with the time left', async () => {
    const rule = { key: 'test:a', limit: 3, windowMs: 15_000 };
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await hit(database.db, rule, at(4_000)));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]).toEqual({ allowed: false, count: 4, retryAfterS: 11 });
    // A new window starts afresh.
    expect(await hit(database.db, rule, at(15_000))).toMatchObject({ allowed: true, count: 1 });
  });

  it('keeps keys apart', async () => {
    const rule = { key: 'test:b', limit: 1, windowMs: 15_000 };
    await hit(database.db, rule, T0);
    expect((await hit(database.db, rule, T0)).allowed).toBe(false);
    expect((await hit(database.db, { ...rule, key: 'test:c' }, T0)).allowed).toBe(true);
  });

  it('counts concurrent hits exactly', async () => {
    const rule = { key: 'test:concurrent', limit: 5, windowMs: 60_000 };
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => hit(database.db, rule, T0)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('purges old windows when a new one opens', async () => {
    const rule = { key: 'test:purge', limit: 5, windowMs: 15_000 };
    await hit(database.db, rule, T0);
    await hit(database.db, { ...rule, key: 'test:stale' }, T0);
    await hit(database.db, rule, at(30_000));
    const own = await database.db.select().from(rateLimits).where(eq(rateLimits.key, rule.key));
    expect(own.map((row) => row.windowStart)).toEqual([at(30_000)]);
    // Someone else's window goes once it is a day old.
    await hit(database.db, rule, at(25 * 3600_000));
    const stale = await database.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, 'test:stale'));
    expect(stale).toEqual([]);
  });
});
