import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, sessions, units, users } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { createSessionResolver, type SessionResolver } from './resolveSession.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { newSessionToken } from './sessionToken.ts';

const T0 = new Date('2026-03-02T08:00:00Z');
const MINUTE = 60_000;

let database: Database;
let world: SeededTenant;
let resolve: SessionResolver;

/** A session row as login would write it; returns the cookie jar that carries it. */
async function openSession(
  userId: string,
  options: { idleTimeoutS?: number; absoluteMs?: number } = {},
): Promise<Record<string, string>> {
  const { token, id } = newSessionToken();
  await database.db.insert(sessions).values({
    id,
    tenantId: world.tenantId,
    userId,
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: new Date(T0.getTime() + (options.absoluteMs ?? 12 * 60 * MINUTE)),
    idleTimeoutS: options.idleTimeoutS ?? 1800,
  });
  return { [SESSION_COOKIE]: token };
}

async function lastSeen(cookies: Record<string, string>): Promise<Date> {
  const actor = await resolve(cookies, T0);
  const [row] = await database.db
    .select({ lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.id, actor!.sessionId));
  return row!.lastSeenAt;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await seedTenant(database.db);
  resolve = createSessionResolver(database);
});
afterAll(() => database.close());

describe('createSessionResolver', () => {
  it('resolves staff roles, own units and every descendant unit code', async () => {
    const actor = await resolve(await openSession(world.accounts.agent.id), T0);
    expect(actor).toMatchObject({
      tenantId: world.tenantId,
      userId: world.accounts.agent.id,
      kind: 'staff',
      roles: ['agent'],
      unitIds: [world.unitIds.ccas],
      unitCodes: ['ccas', 'ccas-familles'],
    });
  });

  it('gives a tenant-wide membership every unit of the tenant', async () => {
    const actor = await resolve(await openSession(world.accounts.admin.id), T0);
    expect(actor?.roles).toEqual(['admin']);
    expect(actor?.unitIds).toEqual([]);
    expect(actor?.unitCodes).toEqual(['ccas', 'ccas-familles', 'mairie']);
  });

  it('does not cover units of another tenant', async () => {
    const other = await seedTenant(database.db);
    await database.db.insert(units).values({
      tenantId: other.tenantId,
      code: 'autre',
      name: 'Autre',
      parentId: other.unitIds.ccas,
    });
    const actor = await resolve(await openSession(world.accounts.admin.id), T0);
    expect(actor?.unitCodes).not.toContain('autre');
  });

  it('gives citizens no roles and no units', async () => {
    const actor = await resolve(await openSession(world.accounts.citizen.id), T0);
    expect(actor).toMatchObject({ kind: 'citizen', roles: [], unitIds: [], unitCodes: [] });
  });

  it('ignores absent, malformed and unknown cookies', async () => {
    expect(await resolve({}, T0)).toBeNull();
    expect(await resolve({ [SESSION_COOKIE]: 'forged' }, T0)).toBeNull();
    expect(await resolve({ [SESSION_COOKIE]: newSessionToken().token }, T0)).toBeNull();
  });

  it('refuses idle, expired and revoked sessions', async () => {
    const idle = await openSession(world.accounts.agent.id);
    expect(await resolve(idle, new Date(T0.getTime() + 31 * MINUTE))).toBeNull();

    const expired = await openSession(world.accounts.agent.id, { idleTimeoutS: 100_000 });
    expect(await resolve(expired, new Date(T0.getTime() + 12 * 60 * MINUTE + 1))).toBeNull();

    const revoked = await openSession(world.accounts.agent.id);
    const actor = await resolve(revoked, T0);
    await database.db
      .update(sessions)
      .set({ revokedAt: T0 })
      .where(eq(sessions.id, actor!.sessionId));
    expect(await resolve(revoked, T0)).toBeNull();
  });

  it('refuses the sessions of a disabled user', async () => {
    const cookies = await openSession(world.accounts.otherCitizen.id);
    await database.db
      .update(users)
      .set({ disabledAt: T0 })
      .where(eq(users.id, world.accounts.otherCitizen.id));
    expect(await resolve(cookies, T0)).toBeNull();
  });

  it('touches last_seen_at at most once a minute and keeps an active session alive', async () => {
    const cookies = await openSession(world.accounts.supervisor.id);
    await resolve(cookies, new Date(T0.getTime() + 30_000));
    expect(await lastSeen(cookies)).toEqual(T0);

    const later = new Date(T0.getTime() + 25 * MINUTE);
    await resolve(cookies, later);
    expect(await lastSeen(cookies)).toEqual(later);
    // 50 min after login but 25 min after the last request: still alive.
    expect(await resolve(cookies, new Date(T0.getTime() + 50 * MINUTE))).not.toBeNull();
  });
});
