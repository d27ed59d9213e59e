import type { SeededTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { SESSION_COOKIE } from '../sessionPolicy.ts';

type AccountKey = keyof SeededTenant['accounts'];

/**
 * Signs a test client in as one of the seeded accounts, through the real procedure.
 *
 * @example
 * const agent = server.client({ ip: nextTestIp() });
 * await loginAs(agent, world, 'agent');
 */
export async function loginAs(client: TestClient, world: SeededTenant, who: AccountKey) {
  const { email, password } = world.accounts[who];
  return client.trpc.auth.login.mutate({ tenant: world.slug, email, password });
}

/**
 * Calls a procedure over raw HTTP (no tRPC client), for status codes, headers and the
 * exact body: a mutation when `input` is given (POST), a query otherwise (GET).
 *
 * @example
 * const res = await callRaw(client, 'auth.login', { tenant, email, password: 'faux' });
 * expect(res.status).toBe(401);
 */
export function callRaw(client: TestClient, procedure: string, input?: unknown) {
  if (input === undefined) return client.fetch(`/trpc/${procedure}`);
  return client.fetch(`/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

/** The session token the client's cookie jar holds, if any. */
export function sessionTokenOf(client: TestClient): string | undefined {
  return client.cookies.get(SESSION_COOKIE);
}

let lastIp = 0;
/**
 * A loopback address no other test of the file used, so each test starts with fresh
 * per-address rate-limit counters (127.0.1.1, 127.0.1.2…; Linux routes all of 127/8).
 *
 * @example
 * const client = server.client({ ip: nextTestIp() });
 */
export function nextTestIp(): string {
  lastIp += 1;
  return `127.0.${1 + Math.floor(lastIp / 250)}.${1 + (lastIp % 250)}`;
}
