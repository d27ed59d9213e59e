import { SESSION_COOKIE, sessionIdFromToken } from '../auth/index.ts';
import { createTestClient } from '../testing/testClient.ts';
import type { CitizenSession } from './submitOverHttp.ts';

/**
 * Logs every citizen in once through `auth.login` over real HTTP, each from its own
 * loopback address (127.0.0.20, .21, …): the login limit is 10 attempts per 15 s per
 * address, and one address per citizen also gives each its own connection, as separate
 * browsers would. Sequential, so the argon2 verifications do not pile up.
 *
 * @example
 * const sessions = await signInCitizens(server.url, world.slug, citizens, SEEDED_PASSWORD);
 */
export async function signInCitizens(
  baseUrl: string,
  tenant: string,
  citizens: Array<{ email: string }>,
  password: string,
): Promise<CitizenSession[]> {
  const sessions: CitizenSession[] = [];
  for (const [index, citizen] of citizens.entries()) {
    const ip = `127.0.0.${20 + index}`;
    const client = createTestClient(baseUrl, { ip });
    await client.trpc.auth.login.mutate({ tenant, email: citizen.email, password });
    const token = client.cookies.get(SESSION_COOKIE);
    const sessionId = sessionIdFromToken(token && decodeURIComponent(token));
    if (token === undefined || sessionId === null) {
      throw new Error(`bench: no session cookie for ${citizen.email}`);
    }
    sessions.push({ ip, cookie: `${SESSION_COOKIE}=${token}`, sessionId });
  }
  return sessions;
}
