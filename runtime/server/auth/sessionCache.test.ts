import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  memberships,
  sessions,
  sqlExecutorFor,
  type Unlisten,
  units,
  users,
} from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { parseAccessChange } from './accessChanges.ts';
import { type LiveSession, loadSessionActor } from './loadSessionActor.ts';
import { createSessionCache, type SessionCache } from './sessionCache.ts';
import { newSessionToken } from './sessionToken.ts';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeOnEachDriver('session cache', (database) => {
  let world: SeededTenant;
  beforeAll(async () => {
    world = await seedTenant(database().db);
  });

  /** A session row as login writes it; its id is what the cookie's token hashes to. */
  async function openSession(
    userId: string,
    { idleTimeoutS = 1800, tenantId = world.tenantId } = {},
  ): Promise<string> {
    const { id } = newSessionToken();
    await database()
      .db.insert(sessions)
      .values({
        id,
        tenantId,
        userId,
        createdAt: T0,
        lastSeenAt: T0,
        expiresAt: at(12 * 3_600_000),
        idleTimeoutS,
      });
    return id;
  }

  /** The real lookup, counting how often the cache falls through to PostgreSQL. */
  function countingLoad() {
    const executeSql = sqlExecutorFor(database().db);
    const load = async (sessionId: string, now: Date): Promise<LiveSession | null> => {
      load.calls += 1;
      return loadSessionActor(executeSql, sessionId, now);
    };
    load.calls = 0;
    return load;
  }

  async function listeningCache(
    options?: Parameters<typeof createSessionCache>[0],
  ): Promise<{ cache: SessionCache; stop: Unlisten }> {
    const cache = createSessionCache(options);
    return { cache, stop: await cache.listen(database()) };
  }

  it('answers repeated requests of a live session from memory, for the TTL only', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 5_000 });
    const id = await openSession(world.accounts.agent.id);
    const load = countingLoad();
    const first = await cache.resolve(id, T0, load);
    expect(first).toMatchObject({ userId: world.accounts.agent.id, roles: ['agent'] });
    expect(await cache.resolve(id, at(4_999), load)).toBe(first);
    expect(load.calls).toBe(1);
    expect(await cache.resolve(id, at(5_000), load)).toEqual(first);
    expect(load.calls).toBe(2);
    await stop();
  });

  it('never keeps a session past its own idle end', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000 });
    const id = await openSession(world.accounts.agent.id, { idleTimeoutS: 10 });
    const load = countingLoad();
    expect(await cache.resolve(id, T0, load)).not.toBeNull();
    expect(await cache.resolve(id, at(9_999), load)).not.toBeNull();
    expect(load.calls).toBe(1);
    expect(await cache.resolve(id, at(10_000), load)).toBeNull();
    await stop();
  });

  it('caches nothing before it listens, and no unknown session', async () => {
    const cache = createSessionCache();
    const id = await openSession(world.accounts.agent.id);
    const load = countingLoad();
    await cache.resolve(id, T0, load);
    await cache.resolve(id, T0, load);
    expect(load.calls).toBe(2);

    const stop = await cache.listen(database());
    const unknown = newSessionToken().id;
    expect(await cache.resolve(unknown, T0, load)).toBeNull();
    expect(await cache.resolve(unknown, T0, load)).toBeNull();
    expect(load.calls).toBe(4);
    await stop();
  });

  it('forgets a session revoked by any writer, as soon as PostgreSQL notifies', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000 });
    const id = await openSession(world.accounts.agent.id);
    const load = countingLoad();
    expect(await cache.resolve(id, T0, load)).not.toBeNull();
    // Not through a service: a script or psql revoking it is heard the same way.
    await database().db.update(sessions).set({ revokedAt: T0 }).where(eq(sessions.id, id));
    await expect.poll(() => cache.resolve(id, T0, load)).toBeNull();
    await stop();
  });

  it('forgets the sessions of a disabled user', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000 });
    const extra = await seedTenant(database().db);
    const id = await openSession(extra.accounts.citizen.id, { tenantId: extra.tenantId });
    const load = countingLoad();
    expect(await cache.resolve(id, T0, load)).not.toBeNull();
    await database()
      .db.update(users)
      .set({ disabledAt: T0 })
      .where(eq(users.id, extra.accounts.citizen.id));
    await expect.poll(() => cache.resolve(id, T0, load)).toBeNull();
    await stop();
  });

  it('re-reads roles and covered units after a membership or unit change', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000 });
    const id = await openSession(world.accounts.supervisor.id);
    const load = countingLoad();
    const before = await cache.resolve(id, T0, load);
    expect(before?.roles).not.toContain('admin');
    await database().db.insert(memberships).values({
      tenantId: world.tenantId,
      userId: world.accounts.supervisor.id,
      role: 'admin',
      unitId: world.unitIds.ccas,
    });
    await expect.poll(async () => (await cache.resolve(id, T0, load))?.roles).toContain('admin');

    await database().db.insert(units).values({
      tenantId: world.tenantId,
      code: 'ccas-seniors',
      name: 'Seniors',
      parentId: world.unitIds.ccas,
    });
    await expect
      .poll(async () => (await cache.resolve(id, T0, load))?.unitCodes)
      .toContain('ccas-seniors');
    await stop();
  });

  it('does not keep a lookup that raced a change of access', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000 });
    const id = await openSession(world.accounts.agent.id);
    const real = countingLoad();
    const racing = async (sessionId: string, now: Date) => {
      const live = await real(sessionId, now);
      cache.forget({ tenantId: world.tenantId, userId: world.accounts.agent.id });
      return live;
    };
    expect(await cache.resolve(id, T0, racing)).not.toBeNull();
    expect(await cache.resolve(id, T0, real)).not.toBeNull();
    expect(real.calls).toBe(2);
    await stop();
  });

  it('drops the oldest entry when full, and serves frozen actors', async () => {
    const { cache, stop } = await listeningCache({ ttlMs: 60_000, maxEntries: 2 });
    const ids = [
      await openSession(world.accounts.agent.id),
      await openSession(world.accounts.admin.id),
      await openSession(world.accounts.citizen.id),
    ];
    const load = countingLoad();
    for (const id of ids) await cache.resolve(id, T0, load);
    const admin = await cache.resolve(ids[1]!, T0, load);
    await cache.resolve(ids[2]!, T0, load);
    expect(load.calls).toBe(3);
    await cache.resolve(ids[0]!, T0, load);
    expect(load.calls).toBe(4);
    expect(Object.isFrozen(admin) && Object.isFrozen(admin?.unitCodes)).toBe(true);
    await stop();
  });
});

describe('parseAccessChange', () => {
  it('reads the three payloads of migration 0005 and nothing else', () => {
    expect(parseAccessChange('s:abc:def')).toEqual({ session: 'abc:def' });
    expect(parseAccessChange('u:t1:u1')).toEqual({ tenantId: 't1', userId: 'u1' });
    expect(parseAccessChange('t:t1')).toEqual({ tenantId: 't1' });
    for (const odd of ['', 's:', 'u:t1', 'x:1', 't:']) expect(parseAccessChange(odd)).toBeNull();
  });
});
