import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../../db/index.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { disableUser } from './disableUser.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { callRaw, loginAs, sessionTokenOf } from './testing/authTestKit.ts';
import { useAuthServer } from './testing/useAuthServer.ts';

const MINUTE = 60_000;
const auth = useAuthServer();

/** A second browser holding a copy of `client`'s session cookie. */
function replayOf(client: TestClient): TestClient {
  const copy = auth.newClient();
  copy.cookies.set(SESSION_COOKIE, sessionTokenOf(client)!);
  return copy;
}

describe('logout', () => {
  it('revokes the session: the old cookie replayed gets 401, and the cookie is cleared', async () => {
    const client = auth.newClient();
    await loginAs(client, auth.world, 'agent');
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

    const [row] = await auth.server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actor, `user:${auth.world.accounts.agent.id}`))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(row?.action).toBe('auth.logout');
  });

  it('is harmless without a session', async () => {
    expect(await auth.newClient().trpc.auth.logout.mutate()).toEqual({ signedOut: false });
  });
});

describe('session lifetime', () => {
  it('ends a staff session after 30 minutes idle', async () => {
    const client = auth.newClient();
    await loginAs(client, auth.world, 'agent');
    auth.server.clock.advance(29 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    auth.server.clock.advance(29 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    auth.server.clock.advance(30 * MINUTE + 1_000);
    expect(await client.trpc.auth.me.query()).toBeNull();
    expect((await callRaw(client, 'auth.changePassword', { current: 'x', next: 'y' })).status).toBe(
      401,
    );
  });

  it('ends an active staff session 12 hours after login', async () => {
    const client = auth.newClient();
    await loginAs(client, auth.world, 'supervisor');
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      auth.server.clock.advance(20 * MINUTE);
      const alive = elapsed + 20 < 12 * 60;
      expect(await client.trpc.auth.me.query()).toEqual(alive ? expect.anything() : null);
    }
  });

  it('keeps an idle citizen session for 2 hours, not more', async () => {
    const client = auth.newClient();
    await loginAs(client, auth.world, 'citizen');
    auth.server.clock.advance(119 * MINUTE);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    auth.server.clock.advance(121 * MINUTE);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });

  it('sets Max-Age to the absolute lifetime', async () => {
    const staff = auth.newClient();
    await loginAs(staff, auth.world, 'admin');
    expect(staff.lastResponse()?.headers.getSetCookie()[0]).toContain('Max-Age=43200');
    const citizen = auth.newClient();
    await loginAs(citizen, auth.world, 'otherCitizen');
    expect(citizen.lastResponse()?.headers.getSetCookie()[0]).toContain('Max-Age=86400');
  });
});

describe('session rows', () => {
  it('are purged at the next login once past their absolute end', async () => {
    const extra = await seedTenant(auth.server.database.db);
    await loginAs(auth.newClient(), extra, 'citizen');
    await loginAs(auth.newClient(), extra, 'citizen');
    const count = async () =>
      (
        await auth.server.database.db
          .select({ id: sessions.id })
          .from(sessions)
          .where(eq(sessions.userId, extra.accounts.citizen.id))
      ).length;
    expect(await count()).toBe(2);
    auth.server.clock.advance(24 * 60 * MINUTE);
    await loginAs(auth.newClient(), extra, 'citizen');
    expect(await count()).toBe(1);
  });
});

describe('disableUser', () => {
  it('revokes every session of the user, who can no longer log in', async () => {
    const extra = await seedTenant(auth.server.database.db);
    const laptop = auth.newClient();
    const phone = auth.newClient();
    await loginAs(laptop, extra, 'agent');
    await loginAs(phone, extra, 'agent');
    const result = await auth.server.database.db.transaction((tx) =>
      disableUser(tx, extra.tenantId, extra.accounts.agent.id),
    );
    expect(result).toEqual({ ok: true, value: { revokedSessions: 2 } });
    // As the admin procedure will, after the commit (sessionCache.test.ts covers the
    // notification that reaches the other processes).
    auth.server.deps.forgetSessions({ tenantId: extra.tenantId, userId: extra.accounts.agent.id });
    expect(await laptop.trpc.auth.me.query()).toBeNull();
    expect(await phone.trpc.auth.me.query()).toBeNull();
    await expect(loginAs(auth.newClient(), extra, 'agent')).rejects.toThrow(
      'Identifiant ou mot de passe incorrect.',
    );
  });

  it('does not reach into another tenant', async () => {
    const other = await seedTenant(auth.server.database.db);
    const result = await disableUser(
      auth.server.database.db,
      auth.world.tenantId,
      other.accounts.agent.id,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(loginAs(auth.newClient(), other, 'agent')).resolves.toMatchObject({
      kind: 'staff',
    });
  });
});
