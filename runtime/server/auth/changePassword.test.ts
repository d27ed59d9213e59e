import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { callRaw, loginAs, nextTestIp } from './testing/authTestKit.ts';

const NEW_PASSWORD = 'les hirondelles reviennent au printemps';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ start: new Date('2026-03-02T08:00:00Z') });
});
afterAll(() => server.close());

const newClient = () => server.client({ ip: nextTestIp() });

/** A tenant per test: passwords change here. */
async function freshWorld(): Promise<SeededTenant> {
  return seedTenant(server.database.db);
}

describe('auth.changePassword', () => {
  it('revokes every other session of the user and keeps the current one', async () => {
    const world = await freshWorld();
    const [laptop, phone, tablet] = [newClient(), newClient(), newClient()];
    for (const device of [laptop, phone, tablet]) await loginAs(device, world, 'citizen');
    const other = newClient();
    await loginAs(other, world, 'otherCitizen');

    const result = await laptop.trpc.auth.changePassword.mutate({
      current: world.accounts.citizen.password,
      next: NEW_PASSWORD,
    });
    expect(result).toEqual({ revokedSessions: 2 });
    expect(await laptop.trpc.auth.me.query()).toMatchObject({ id: world.accounts.citizen.id });
    expect(await phone.trpc.auth.me.query()).toBeNull();
    expect(await tablet.trpc.auth.me.query()).toBeNull();
    expect(await other.trpc.auth.me.query()).not.toBeNull();

    // The old password no longer works, the new one does, and the hash is argon2id.
    await expect(loginAs(newClient(), world, 'citizen')).rejects.toThrow(/incorrect/);
    await newClient().trpc.auth.login.mutate({
      tenant: world.slug,
      email: world.accounts.citizen.email,
      password: NEW_PASSWORD,
    });
    const [row] = await server.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, world.accounts.citizen.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);

    const audit = await server.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.action, 'auth.password_changed')),
      );
    expect(audit).toEqual([{ action: 'auth.password_changed', details: { revokedSessions: 2 } }]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password, a weak or unchanged new one, with French messages', async () => {
    const world = await freshWorld();
    const client = newClient();
    await loginAs(client, world, 'agent');
    const current = world.accounts.agent.password;

    const wrong = await callRaw(client, 'auth.changePassword', {
      current: 'pas le bon',
      next: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({
      message: 'Le mot de passe actuel est incorrect.',
      data: {
        domainCode: 'WRONG_PASSWORD',
        fieldErrors: { current: ['Le mot de passe actuel est incorrect.'] },
      },
    });

    const weak = await callRaw(client, 'auth.changePassword', { current, next: 'Azerty123456' });
    expect((await weak.json()).error).toMatchObject({
      data: {
        domainCode: 'WEAK_PASSWORD',
        fieldErrors: { next: [expect.stringMatching(/trop courant/)] },
      },
    });
    const short = await callRaw(client, 'auth.changePassword', { current, next: 'court' });
    expect((await short.json()).error.message).toBe(
      'Le mot de passe doit contenir au moins 12 caractères.',
    );
    const same = await callRaw(client, 'auth.changePassword', { current, next: current });
    expect((await same.json()).error.message).toBe(
      'Le nouveau mot de passe doit être différent de l’actuel.',
    );
    // Nothing changed: the old password still works.
    await expect(loginAs(newClient(), world, 'agent')).resolves.toMatchObject({ kind: 'staff' });
  });

  it('limits attempts per user to 6 per 15 minutes, with Retry-After', async () => {
    const world = await freshWorld();
    const client = newClient();
    await loginAs(client, world, 'supervisor');
    const attempt = () =>
      callRaw(client, 'auth.changePassword', { current: 'devine', next: NEW_PASSWORD });
    for (let i = 0; i < 6; i++) expect((await attempt()).status).toBe(400);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires a session and rejects extra fields', async () => {
    expect(
      (await callRaw(newClient(), 'auth.changePassword', { current: 'a', next: 'b' })).status,
    ).toBe(401);
    const world = await freshWorld();
    const client = newClient();
    await loginAs(client, world, 'citizen');
    const extra = await callRaw(client, 'auth.changePassword', {
      current: world.accounts.citizen.password,
      next: NEW_PASSWORD,
      userId: world.accounts.otherCitizen.id,
    });
    expect(extra.status).toBe(400);
    await expect(loginAs(newClient(), world, 'citizen')).resolves.toMatchObject({
      kind: 'citizen',
    });
  });
});
