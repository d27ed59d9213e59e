import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../../db/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';
import { disableUser } from './disableUser.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { callRaw, loginAs, nextTestIp, sessionTokenOf } from './testing/authTestKit.ts';

const MINUTE = 60_000;
let server: TestServer;
let world: SeededTenant;

beforeAll(async () => {
  server = await startTestServer({ start: new Date('2026-03-02T08:00:00Z') });
  world = await seedTenant(server.database.db);
});
afterAll(() => server.close());

const newClient = () => server.client({ ip: nextTestIp() });

/** A second browser holding a copy of `client`'s session cookie. */
function replayOf(client: TestClient): TestClient {
  const copy = newClient();
  copy.cookies.set(SESSION_COOKIE, sessionTokenOf(client)!);
  return copy;
}

describe('logout', () => {
  it('revokes the session: the old cookie replayed gets 401, and the cookie is cleared', async () => {
    const client = newClient();
    await loginAs(client, world, 'agent');
    const stolen = replayOf(client);
    expect(await stolen.trpc.auth.me.query()).not.toBeNull();

    const res = await callRaw(client, 'auth.logout', {});
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0$`),
    );
    expect(sessionTokenOf(client)).toBeUndefined();

    const replay = await callRaw(stolen, 'auth.changePassword', { current: 'x', next: 'y' });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('cache-control')).toBe('no-store');
    expect(await stolen.trpc.auth.me.query()).toBeNull();

    const [row] = await server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actor, `user:${world.accounts.agent.id}`))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(row?.action).toBe('auth.logout');
  });

  it('is harmless without a session', async () => {
    expect(await newClient().trpc.auth.logout.mutate()).toEqual({ signedOut: false });
  });
});

describe('session lifetime', () => {
  it('ends a staff session after 30 minutes idle', async () => {
    const client = newClient();
    await loginAs(client, world, 'agent');
    server.clock.advance(29 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    server.clock.advance(29 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    server.clock.advance(30 * MINUTE + 1_000);
    expect(await client.trpc.auth.me.query()).toBeNull();
    expect((await callRaw(client, 'auth.changePassword', { current: 'x', next: 'y' })).status).toBe(
      401,
    );
  });

  it('ends an active staff session 12 hours after login', async () => {
    const client = newClient();
    await loginAs(client, world, 'supervisor');
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      server.clock.advance(20 * MINUTE);
      const alive = elapsed + 20 < 12 * 60;
      expect(await client.trpc.auth.me.query()).toEqual(alive ? expect.anything() : null);
    }
  });

  it('keeps an idle citizen session for 2 hours, not more', async () => {
    const client = newClient();
    await loginAs(client, world, 'citizen');
    server.clock.advance(119 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    server.clock.advance(121 * MINUTE);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });

  it('sets Max-Age to the absolute lifetime', async () => {
    const staff = newClient();
    await loginAs(staff, world, 'admin');
    expect(staff.lastResponse()?.headers.getSetCookie()[0]).toContain('Max-Age=43200');
    const citizen = newClient();
    await loginAs(citizen, world, 'otherCitizen');
    expect(citizen.lastResponse()?.headers.getSetCookie()[0]).toContain('Max-Age=86400');
  });
});

describe('session rows', () => {
  it('are purged at the next login once past their absolute end', async () => {
    const extra = await seedTenant(server.database.db);
    await loginAs(newClient(), extra, 'citizen');
    await loginAs(newClient(), extra, 'citizen');
    const count = async () =>
      (
        await server.database.db
          .select({ id: sessions.id })
          .from(sessions)
          .where(eq(sessions.userId, extra.accounts.citizen.id))
      ).length;
    expect(await count()).toBe(2);
    server.clock.advance(24 * 60 * MINUTE);
    await loginAs(newClient(), extra, 'citizen');
    expect(await count()).toBe(1);
  });
});

describe('disableUser', () => {
  it('revokes every session of the user, who can no longer log in', async () => {
    const extra = await seedTenant(server.database.db);
    const laptop = newClient();
    const phone = newClient();
    await loginAs(laptop, extra, 'agent');
    await loginAs(phone, extra, 'agent');
    const result = await server.database.db.transaction((tx) =>
      disableUser(tx, extra.tenantId, extra.accounts.agent.id),
    );
    expect(result).toEqual({ ok: true, value: { revokedSessions: 2 } });
    // As the admin procedure will, after the commit (sessionCache.test.ts covers the
    // notification that reaches the other processes).
    server.deps.forgetSessions({ tenantId: extra.tenantId, userId: extra.accounts.agent.id });
    expect(await laptop.trpc.auth.me.query()).toBeNull();
    expect(await phone.trpc.auth.me.query()).toBeNull();
    await expect(loginAs(newClient(), extra, 'agent')).rejects.toThrow(
      'Identifiant ou mot de passe incorrect.',
    );
  });

  it('does not reach into another tenant', async () => {
    const other = await seedTenant(server.database.db);
    const result = await disableUser(server.database.db, world.tenantId, other.accounts.agent.id);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(loginAs(newClient(), other, 'agent')).resolves.toMatchObject({ kind: 'staff' });
  });
});
