import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/index.ts';
import { SIGNUP_ACCEPTED } from './signup.ts';
import { callRaw, loginAs, sessionTokenOf } from './testing/authTestKit.ts';
import { useAuthServer } from './testing/useAuthServer.ts';

const PASSPHRASE = 'mon chat Filou dort sur le radiateur de la cuisine tout l’hiver';
const auth = useAuthServer();
const form = (email: string, password = PASSPHRASE) => ({
  tenant: auth.world.slug,
  email,
  password,
  displayName: 'Jeanne Martin',
});

async function findUser(email: string) {
  const [row] = await auth.server.database.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, auth.world.tenantId), eq(users.email, email)));
  return row;
}

describe('auth.signup', () => {
  it('creates a citizen with an argon2id hash, who can then log in', async () => {
    const client = auth.newClient();
    expect(PASSPHRASE.length).toBeGreaterThanOrEqual(60);
    const answer = await client.trpc.auth.signup.mutate(form('  Jeanne.Martin@Example.FR '));
    expect(answer).toEqual(SIGNUP_ACCEPTED);
    expect(sessionTokenOf(client)).toBeUndefined();

    const user = await findUser('jeanne.martin@example.fr');
    expect(user).toMatchObject({ kind: 'citizen', displayName: 'Jeanne Martin', disabledAt: null });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);

    await client.trpc.auth.login.mutate({
      tenant: auth.world.slug,
      email: 'jeanne.martin@example.fr',
      password: PASSPHRASE,
    });
    expect(await client.trpc.auth.me.query()).toMatchObject({
      kind: 'citizen',
      roles: [],
      units: [],
    });
  });

  it('gives a taken email the same answer and changes nothing', async () => {
    const client = auth.newClient();
    const fresh = await callRaw(client, 'auth.signup', form('nouvelle@example.fr'));
    const taken = await callRaw(client, 'auth.signup', {
      ...form(auth.world.accounts.agent.email),
      displayName: 'Usurpateur',
    });
    expect([taken.status, await taken.text()]).toEqual([fresh.status, await fresh.text()]);
    expect(taken.headers.getSetCookie()).toEqual([]);

    const agent = await findUser(auth.world.accounts.agent.email);
    expect(agent).toMatchObject({ kind: 'staff', displayName: 'Antoine Agent' });
    await expect(loginAs(auth.newClient(), auth.world, 'agent')).resolves.toMatchObject({
      kind: 'staff',
    });

    const audit = await auth.server.database.db
      .select({ actor: auditLog.actor, object: auditLog.object, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, auth.world.tenantId), eq(auditLog.action, 'auth.signup')))
      .orderBy(auditLog.id);
    expect(audit.at(-1)).toEqual({
      actor: 'anonymous',
      object: `user:${auth.world.accounts.agent.id}`,
      details: { outcome: 'email_taken', ip: expect.any(String) },
    });
    expect(audit.at(-2)?.details).toMatchObject({ outcome: 'created' });
    expect(JSON.stringify(audit)).not.toContain(PASSPHRASE);
  });

  it.each([
    ['11 characters', 'Onze carac.', 'Le mot de passe doit contenir au moins 12 caractères.'],
    [
      '129 characters',
      `${'x'.repeat(60)}${' y'.repeat(34)}z`,
      'Le mot de passe ne doit pas dépasser 128 caractères.',
    ],
    ['a common French password', 'Azerty123456', /trop courant/],
    ['a common French password', 'motdepasse2026!', /trop courant/],
    ['a common French password', 'Soleil123456', /trop courant/],
    ['the email', 'refus.courriel.2026', /adresse e-mail ou votre nom/],
  ])('refuses %s with a French message', async (_, password, message) => {
    const email = 'refus.courriel@example.fr';
    const res = await callRaw(auth.newClient(), 'auth.signup', form(email, password));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(message);
    expect(error.data).toMatchObject({
      domainCode: 'WEAK_PASSWORD',
      fieldErrors: { password: [error.message] },
    });
    expect(await findUser(email)).toBeUndefined();
  });

  it('rejects an invalid email, an unknown tenant and extra fields', async () => {
    const client = auth.newClient();
    const invalid = await callRaw(client, 'auth.signup', form('pas-un-email'));
    expect(invalid.status).toBe(400);
    const unknown = await callRaw(client, 'auth.signup', {
      ...form('x@example.fr'),
      tenant: 'inconnu',
    });
    expect(unknown.status).toBe(404);
    const extra = await callRaw(client, 'auth.signup', {
      ...form('staff@example.fr'),
      kind: 'staff',
    });
    expect(extra.status).toBe(400);
    expect(await findUser('staff@example.fr')).toBeUndefined();
  });
});
