import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { callRaw, loginAs, sessionTokenOf } from './testing/authTestKit.ts';
import { useAuthServer } from './testing/useAuthServer.ts';

const auth = useAuthServer();
const credentials = (who: keyof SeededTenant['accounts'], password?: string) => ({
  tenant: auth.world.slug,
  email: auth.world.accounts[who].email,
  password: password ?? auth.world.accounts[who].password,
});

async function auditActions(object: string) {
  const rows = await auth.server.database.db
    .select({ action: auditLog.action, details: auditLog.details, requestId: auditLog.requestId })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, auth.world.tenantId), eq(auditLog.object, object)))
    .orderBy(auditLog.id);
  return rows;
}

describe('auth.login', () => {
  it('sets a __Host- cookie: Secure, HttpOnly, Path=/, SameSite=Lax for citizens', async () => {
    const client = auth.newClient();
    const res = await callRaw(client, 'auth.login', credentials('citizen'));
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(cookie).toContain('; Path=/');
    expect(cookie).toContain('; Secure');
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Lax');
    expect(cookie).not.toMatch(/Domain=/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('sets SameSite=Strict for staff', async () => {
    const client = auth.newClient();
    const res = await callRaw(client, 'auth.login', credentials('agent'));
    expect(res.headers.getSetCookie()[0]).toContain('; SameSite=Strict');
  });

  it('answers me() with the user, roles and units, with no-store', async () => {
    const client = auth.newClient();
    expect(await client.trpc.auth.me.query()).toBeNull();
    await loginAs(client, auth.world, 'agent');
    const me = await client.trpc.auth.me.query();
    expect(me).toEqual({
      id: auth.world.accounts.agent.id,
      email: auth.world.accounts.agent.email,
      displayName: 'Antoine Agent',
      kind: 'staff',
      emailConfirmed: true,
      roles: ['agent'],
      units: [
        { id: auth.world.unitIds.ccas, code: 'ccas', name: 'Centre communal d’action sociale' },
      ],
      coveredUnitCodes: ['ccas', 'ccas-familles'],
      tenant: {
        id: auth.world.tenantId,
        slug: auth.world.slug,
        name: `Commune ${auth.world.slug}`,
      },
    });
    expect(client.lastResponse()?.headers.get('cache-control')).toBe('no-store');
  });

  it('issues a new session id at every login and ignores a planted cookie (fixation)', async () => {
    const client = auth.newClient();
    const planted = 'A'.repeat(43);
    client.cookies.set(SESSION_COOKIE, planted);
    await loginAs(client, auth.world, 'citizen');
    const first = sessionTokenOf(client);
    expect(first).toBeDefined();
    expect(first).not.toBe(planted);

    await loginAs(client, auth.world, 'citizen');
    const second = sessionTokenOf(client);
    expect(second).not.toBe(first);

    // The session the browser came with is revoked by the new login.
    const replay = auth.newClient();
    replay.cookies.set(SESSION_COOKIE, first!);
    expect(await replay.trpc.auth.me.query()).toBeNull();
    expect(await client.trpc.auth.me.query()).toMatchObject({ id: auth.world.accounts.citizen.id });
  });

  it('accepts the email in any case', async () => {
    const client = auth.newClient();
    const input = {
      ...credentials('supervisor'),
      email: auth.world.accounts.supervisor.email.toUpperCase(),
    };
    await client.trpc.auth.login.mutate(input);
    expect(await client.trpc.auth.me.query()).toMatchObject({ roles: ['supervisor'] });
  });

  it('stores argon2id hashes', async () => {
    const [row] = await auth.server.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, auth.world.accounts.citizen.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });

  it('audits a successful login with the request id and no secret', async () => {
    const client = auth.newClient();
    await loginAs(client, auth.world, 'agentMairie');
    const requestId = client.lastResponse()?.headers.get('x-request-id');
    const rows = await auditActions(`user:${auth.world.accounts.agentMairie.id}`);
    expect(rows.at(-1)).toEqual({
      action: 'auth.login',
      details: { kind: 'staff', ip: expect.stringMatching(/127\.0\./) },
      requestId,
    });
    const token = sessionTokenOf(client)!;
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(auth.world.accounts.agentMairie.password);
  });
});

describe('auth.login refusals', () => {
  it('answers a wrong password and an unknown account identically', async () => {
    const client = auth.newClient();
    const wrong = await callRaw(
      client,
      'auth.login',
      credentials('otherCitizen', 'pas le bon mot de passe'),
    );
    const unknown = await callRaw(client, 'auth.login', {
      ...credentials('otherCitizen', 'pas le bon mot de passe'),
      email: `personne@${auth.world.slug}.test`,
    });
    const unknownTenant = await callRaw(client, 'auth.login', {
      ...credentials('otherCitizen'),
      tenant: 'tenant-inexistant',
    });
    expect(wrong.status).toBe(401);
    const body = await wrong.text();
    expect(JSON.parse(body).error).toMatchObject({
      message: 'Identifiant ou mot de passe incorrect.',
      data: { code: 'UNAUTHORIZED', domainCode: 'INVALID_CREDENTIALS' },
    });
    expect([unknown.status, await unknown.text()]).toEqual([401, body]);
    expect([unknownTenant.status, await unknownTenant.text()]).toEqual([401, body]);
    expect(wrong.headers.getSetCookie()).toEqual([]);

    // Both are audited in the tenant; the unknown email is not kept (it may be a password).
    const failures = await auth.server.database.db
      .select({ actor: auditLog.actor, object: auditLog.object, details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, auth.world.tenantId), eq(auditLog.action, 'auth.login_failed')),
      )
      .orderBy(auditLog.id);
    expect(failures.slice(-2)).toEqual([
      {
        actor: 'anonymous',
        object: `user:${auth.world.accounts.otherCitizen.id}`,
        details: { reason: 'wrong_password', ip: expect.any(String) },
      },
      {
        actor: 'anonymous',
        object: null,
        details: { reason: 'unknown_account', ip: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain('personne@');
  });

  it('locks an account after 6 wrong passwords, with the unknown-account answer', async () => {
    const client = auth.newClient();
    const bad = credentials('otherCitizen', 'mauvais mot de passe');
    const unknown = await callRaw(client, 'auth.login', {
      ...bad,
      email: `inconnu@${auth.world.slug}.test`,
    });
    const expected = [unknown.status, await unknown.text()];
    // otherCitizen already has 1 failure from the previous test: reset it by a success.
    await loginAs(client, auth.world, 'otherCitizen');
    for (let i = 0; i < 6; i++) {
      const res = await callRaw(client, 'auth.login', bad);
      expect([res.status, await res.text()]).toEqual(expected);
    }
    // Locked: even the right password gets the same answer.
    const locked = await callRaw(client, 'auth.login', credentials('otherCitizen'));
    expect([locked.status, await locked.text()]).toEqual(expected);

    const actions = (await auditActions(`user:${auth.world.accounts.otherCitizen.id}`)).map(
      (row) => `${row.action}:${row.details['reason'] ?? ''}`,
    );
    expect(actions.slice(-8)).toEqual([
      ...Array(6).fill('auth.login_failed:wrong_password'),
      'auth.lockout:',
      'auth.login_failed:locked',
    ]);
    expect(JSON.stringify(actions)).not.toContain('mauvais mot de passe');

    // 15 minutes later the lock is over and the right password works again.
    auth.server.clock.advance(15 * 60_000 + 1);
    await loginAs(client, auth.world, 'otherCitizen');
    const [row] = await auth.server.database.db
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, auth.world.accounts.otherCitizen.id));
    expect(row).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it('resets the failure count on success: 5 failures, a success, 5 failures do not lock', async () => {
    const bad = credentials('supervisor', 'mauvais mot de passe');
    const failFiveTimes = async () => {
      const client = auth.newClient();
      for (let i = 0; i < 5; i++)
        expect((await callRaw(client, 'auth.login', bad)).status).toBe(401);
    };
    await failFiveTimes();
    await loginAs(auth.newClient(), auth.world, 'supervisor');
    await failFiveTimes();
    await expect(loginAs(auth.newClient(), auth.world, 'supervisor')).resolves.toMatchObject({
      kind: 'staff',
    });
  });

  it('refuses a disabled account with the same answer', async () => {
    const extra = await seedTenant(auth.server.database.db);
    await auth.server.database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, extra.accounts.citizen.id));
    const client = auth.newClient();
    const res = await callRaw(client, 'auth.login', {
      tenant: extra.slug,
      email: extra.accounts.citizen.email,
      password: extra.accounts.citizen.password,
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('rejects extra input fields', async () => {
    const res = await callRaw(auth.newClient(), 'auth.login', {
      ...credentials('citizen'),
      tenantId: auth.world.tenantId,
    });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
