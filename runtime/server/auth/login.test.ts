import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { callRaw, loginAs, nextTestIp, sessionTokenOf } from './testing/authTestKit.ts';

let server: TestServer;
let world: SeededTenant;

beforeAll(async () => {
  server = await startTestServer({ start: new Date('2026-03-02T08:00:00Z') });
  world = await seedTenant(server.database.db);
});
afterAll(() => server.close());

const newClient = () => server.client({ ip: nextTestIp() });
const credentials = (who: keyof SeededTenant['accounts'], password?: string) => ({
  tenant: world.slug,
  email: world.accounts[who].email,
  password: password ?? world.accounts[who].password,
});

async function auditActions(object: string) {
  const rows = await server.database.db
    .select({ action: auditLog.action, details: auditLog.details, requestId: auditLog.requestId })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.object, object)))
    .orderBy(auditLog.id);
  return rows;
}

describe('auth.login', () => {
  it('sets a __Host- cookie: Secure, HttpOnly, Path=/, SameSite=Lax for citizens', async () => {
    const client = newClient();
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
    const client = newClient();
    const res = await callRaw(client, 'auth.login', credentials('agent'));
    expect(res.headers.getSetCookie()[0]).toContain('; SameSite=Strict');
  });

  it('answers me() with the user, roles and units, with no-store', async () => {
    const client = newClient();
    expect(await client.trpc.auth.me.query()).toBeNull();
    await loginAs(client, world, 'agent');
    const me = await client.trpc.auth.me.query();
    expect(me).toEqual({
      id: world.accounts.agent.id,
      email: world.accounts.agent.email,
      displayName: 'Antoine Agent',
      kind: 'staff',
      roles: ['agent'],
      units: [{ id: world.unitIds.ccas, code: 'ccas', name: 'Centre communal d’action sociale' }],
      coveredUnitCodes: ['ccas', 'ccas-familles'],
      tenant: { id: world.tenantId, slug: world.slug, name: `Commune ${world.slug}` },
    });
    expect(client.lastResponse()?.headers.get('cache-control')).toBe('no-store');
  });

  it('issues a new session id at every login and ignores a planted cookie (fixation)', async () => {
    const client = newClient();
    const planted = 'A'.repeat(43);
    client.cookies.set(SESSION_COOKIE, planted);
    await loginAs(client, world, 'citizen');
    const first = sessionTokenOf(client);
    expect(first).toBeDefined();
    expect(first).not.toBe(planted);

    await loginAs(client, world, 'citizen');
    const second = sessionTokenOf(client);
    expect(second).not.toBe(first);

    // The session the browser came with is revoked by the new login.
    const replay = newClient();
    replay.cookies.set(SESSION_COOKIE, first!);
    expect(await replay.trpc.auth.me.query()).toBeNull();
    expect(await client.trpc.auth.me.query()).toMatchObject({ id: world.accounts.citizen.id });
  });

  it('accepts the email in any case', async () => {
    const client = newClient();
    const input = {
      ...credentials('supervisor'),
      email: world.accounts.supervisor.email.toUpperCase(),
    };
    await client.trpc.auth.login.mutate(input);
    expect(await client.trpc.auth.me.query()).toMatchObject({ roles: ['supervisor'] });
  });

  it('stores argon2id hashes', async () => {
    const [row] = await server.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, world.accounts.citizen.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });

  it('audits a successful login with the request id and no secret', async () => {
    const client = newClient();
    await loginAs(client, world, 'agentMairie');
    const requestId = client.lastResponse()?.headers.get('x-request-id');
    const rows = await auditActions(`user:${world.accounts.agentMairie.id}`);
    expect(rows.at(-1)).toEqual({
      action: 'auth.login',
      details: { kind: 'staff', ip: expect.stringMatching(/127\.0\./) },
      requestId,
    });
    const token = sessionTokenOf(client)!;
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(world.accounts.agentMairie.password);
  });
});

describe('auth.login refusals', () => {
  it('answers a wrong password and an unknown account identically', async () => {
    const client = newClient();
    const wrong = await callRaw(
      client,
      'auth.login',
      credentials('otherCitizen', 'pas le bon mot de passe'),
    );
    const unknown = await callRaw(client, 'auth.login', {
      ...credentials('otherCitizen', 'pas le bon mot de passe'),
      email: `personne@${world.slug}.test`,
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
    const failures = await server.database.db
      .select({ actor: auditLog.actor, object: auditLog.object, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.action, 'auth.login_failed')))
      .orderBy(auditLog.id);
    expect(failures.slice(-2)).toEqual([
      {
        actor: 'anonymous',
        object: `user:${world.accounts.otherCitizen.id}`,
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
    const client = newClient();
    const bad = credentials('otherCitizen', 'mauvais mot de passe');
    const unknown = await callRaw(client, 'auth.login', {
      ...bad,
      email: `inconnu@${world.slug}.test`,
    });
    const expected = [unknown.status, await unknown.text()];
    // otherCitizen already has 1 failure from the previous test: reset it by a success.
    await loginAs(client, world, 'otherCitizen');
    for (let i = 0; i < 6; i++) {
      const res = await callRaw(client, 'auth.login', bad);
      expect([res.status, await res.text()]).toEqual(expected);
    }
    // Locked: even the right password gets the same answer.
    const locked = await callRaw(client, 'auth.login', credentials('otherCitizen'));
    expect([locked.status, await locked.text()]).toEqual(expected);

    const actions = (await auditActions(`user:${world.accounts.otherCitizen.id}`)).map(
      (row) => `${row.action}:${row.details['reason'] ?? ''}`,
    );
    expect(actions.slice(-8)).toEqual([
      ...Array(6).fill('auth.login_failed:wrong_password'),
      'auth.lockout:',
      'auth.login_failed:locked',
    ]);
    expect(JSON.stringify(actions)).not.toContain('mauvais mot de passe');

    // 15 minutes later the lock is over and the right password works again.
    server.clock.advance(15 * 60_000 + 1);
    await loginAs(client, world, 'otherCitizen');
    const [row] = await server.database.db
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, world.accounts.otherCitizen.id));
    expect(row).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it('resets the failure count on success: 5 failures, a success, 5 failures do not lock', async () => {
    const bad = credentials('supervisor', 'mauvais mot de passe');
    const failFiveTimes = async () => {
      const client = newClient();
      for (let i = 0; i < 5; i++)
        expect((await callRaw(client, 'auth.login', bad)).status).toBe(401);
    };
    await failFiveTimes();
    await loginAs(newClient(), world, 'supervisor');
    await failFiveTimes();
    await expect(loginAs(newClient(), world, 'supervisor')).resolves.toMatchObject({
      kind: 'staff',
    });
  });

  it('refuses a disabled account with the same answer', async () => {
    const extra = await seedTenant(server.database.db);
    await server.database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, extra.accounts.citizen.id));
    const client = newClient();
    const res = await callRaw(client, 'auth.login', {
      tenant: extra.slug,
      email: extra.accounts.citizen.email,
      password: extra.accounts.citizen.password,
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('rejects extra input fields', async () => {
    const res = await callRaw(newClient(), 'auth.login', {
      ...credentials('citizen'),
      tenantId: world.tenantId,
    });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
