import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { encodeCursor } from './queueCursor.ts';
import { type QueueListInput, type QueueSort, queueListInput } from './queueInput.ts';
import { queueViewers } from './testing/queueViewers.ts';
import { seedQueueDossier } from './testing/seedQueueDossier.ts';

interface Seeded {
  id: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  priority: number;
}

const now = new Date('2026-03-10T12:00:00Z');
const us = (second: number, micro: number) =>
  `2026-03-01T09:00:${String(second).padStart(2, '0')}.${String(micro).padStart(6, '0')}Z`;

/** The expected total orders, written independently of the SQL: ascending; desc reverses. */
const ascending: Record<QueueSort, (a: Seeded, b: Seeded) => number> = {
  createdAt: (a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id),
  updatedAt: (a, b) => cmp(a.updatedAt, b.updatedAt) || cmp(a.id, b.id),
  priority: (a, b) => a.priority - b.priority || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id),
  // Nulls last ascending, as PostgreSQL orders them.
  dueAt: (a, b) =>
    a.dueAt === null || b.dueAt === null
      ? (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || cmp(a.id, b.id)
      : cmp(a.dueAt, b.dueAt) || cmp(a.id, b.id),
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describeOnEachDriver('queues: sort orders and keyset pages', (database) => {
  let world: SeededTenant;
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    world = await seedTenant(database().db);
    for (let i = 0; i < 37; i += 1) {
      // Ties everywhere: created_at repeats every 5 rows, some differ by one microsecond,
      // a third have no due date, due dates and updates repeat too.
      const row = {
        createdAt: us(i % 5, i % 3 === 0 ? 1 : 2),
        updatedAt: us(30 + (i % 4), 0),
        dueAt: i % 3 === 1 ? null : us(10 + (i % 7), i % 2),
        priority: i % 4,
      };
      const id = await seedQueueDossier(database().db, world, {
        ...row,
        unitCode: i % 2 ? 'ccas' : 'mairie',
      });
      seeded.push({ id, ...row });
    }
    // A draft with the smallest keys of all: it must never show up on any page.
    await seedQueueDossier(database().db, world, {
      reference: null,
      state: 'brouillon',
      createdAt: us(0, 0),
    });
  });

  const ctx = (): QueueServiceContext => ({
    db: database().db,
    viewer: queueViewers(world).admin,
    now,
  });

  async function allPages(input: Partial<QueueListInput>, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const query = queueListInput.parse({ ...input, limit, ...(cursor ? { cursor } : {}) });
      const result = await listQueue(ctx(), query);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.items.length).toBeLessThanOrEqual(limit);
      seen.push(...result.value.items.map((item) => item.id));
      if (result.value.nextCursor === null) return seen;
      expect(result.value.items).toHaveLength(limit);
      cursor = result.value.nextCursor;
    }
    throw new Error('no last page');
  }

  for (const sort of ['createdAt', 'updatedAt', 'priority', 'dueAt'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages through ${sort} ${direction} without duplicates or gaps`, async () => {
        const expected = [...seeded].sort(ascending[sort]).map((row) => row.id);
        if (direction === 'desc') expected.reverse();
        for (const limit of [1, 4, 7, 37, 100]) {
          expect(await allPages({ sort, direction }, limit)).toEqual(expected);
        }
      });
    }
  }

  it('uses each sort’s natural direction by default', async () => {
    const soonest = [...seeded].sort(ascending.dueAt).map((row) => row.id);
    expect(await allPages({ sort: 'dueAt' }, 10)).toEqual(soonest);
    const newest = [...seeded]
      .sort(ascending.createdAt)
      .map((row) => row.id)
      .reverse();
    expect(await allPages({}, 10)).toEqual(newest);
  });

  it('pages an overdue list on due dates only', async () => {
    const overdue = seeded
      .filter((row) => row.dueAt !== null)
      .sort(ascending.dueAt)
      .map((row) => row.id);
    expect(await allPages({ sort: 'dueAt', overdue: true }, 3)).toEqual(overdue);
  });

  const NOWHERE = '00000000-0000-4000-8000-000000000000';
  const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const forged = (sort: string, direction: 'asc' | 'desc', key: Array<string | number | null>) =>
    encodeCursor({ sort, direction, key, id: NOWHERE });
  const at = '2026-02-03T00:00:00.000000Z';

  it.each([
    ['not base64url', 'createdAt', 'pas un curseur !'],
    ['not JSON', 'createdAt', Buffer.from('{nope').toString('base64url')],
    ['an unknown shape', 'createdAt', base64({ v: 1, s: 'createdAt' })],
    ['SQL in the key', 'createdAt', forged('createdAt', 'desc', ["' or 1=1 --"])],
    [
      'an impossible date',
      'createdAt',
      forged('createdAt', 'desc', ['2026-02-30T00:00:00.000000Z']),
    ],
    ['another sort', 'createdAt', forged('updatedAt', 'desc', [at])],
    ['another direction', 'createdAt', forged('createdAt', 'asc', [at])],
    ['a null where none may be', 'createdAt', forged('createdAt', 'desc', [null])],
    ['a rank out of range', 'priority', forged('priority', 'desc', [70000, at])],
    ['a key too short', 'priority', forged('priority', 'desc', [2])],
    [
      'a bad id',
      'createdAt',
      base64({ v: 1, s: 'createdAt', d: 'desc', k: [at], id: '1; drop table dossiers' }),
    ],
  ] as const)('refuses a cursor with %s as INVALID_INPUT', async (_name, sort, cursor) => {
    const result = await listQueue(ctx(), queueListInput.parse({ sort, cursor }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { cursor: expect.any(Array) } },
    });
  });

  it('accepts a well-formed cursor that points nowhere: the page is simply empty', async () => {
    const cursor = encodeCursor({
      sort: 'createdAt',
      direction: 'desc',
      key: ['1970-01-01T00:00:00.000000Z'],
      id: '00000000-0000-4000-8000-000000000000',
    });
    const result = await listQueue(ctx(), queueListInput.parse({ cursor }));
    expect(result).toEqual({ ok: true, value: { items: [], nextCursor: null } });
  });
});
