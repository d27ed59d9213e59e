import type { DossierServer } from '../../dossiers/testing/startDossierServer.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';

/**
 * Every kind of caller the security suites play: nobody, then each seeded account —
 * staff of every role, an agent of another unit (`agentMairie`), the applicant and
 * another citizen.
 */
export const CALLERS = [
  'anonymous',
  'admin',
  'agent',
  'supervisor',
  'agentMairie',
  'citizen',
  'otherCitizen',
] as const;

export type Caller = (typeof CALLERS)[number];

export const SIGNED_IN = CALLERS.filter((caller) => caller !== 'anonymous');
export const STAFF = ['admin', 'agent', 'supervisor', 'agentMairie'] as const;
export const CITIZENS = ['citizen', 'otherCitizen'] as const;

export type Callers = Record<Caller, TestClient>;

/**
 * One client per caller of `tenant`, each signed in through `auth.login` from its own
 * loopback address (the anonymous one signs in nowhere).
 *
 * @example
 * const a = await signInCallers(server, tenantA);
 * await a.agentMairie.trpc.dossiers.get.query({ id });
 */
export async function signInCallers(server: DossierServer, tenant: SeededTenant): Promise<Callers> {
  const signedIn = await Promise.all(
    SIGNED_IN.map(async (who) => [who, await server.signIn(tenant, who)] as const),
  );
  return { anonymous: server.client(), ...Object.fromEntries(signedIn) } as Callers;
}
