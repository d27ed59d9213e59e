import type { ServerDeps } from './deps.ts';
import type { HostTenant } from './hostTenants.ts';
import type { SessionActor } from './sessionActor.ts';

/**
 * A session belongs to its tenant's addresses (docs/SECURITY.md §133): on another
 * tenant's own host it is as if there were none, so the API answers 401 there. The
 * shared default address (no host matched) takes any tenant's session, as before
 * tenants had addresses.
 *
 * @example
 * ownedHere(sessionOfTenantA, hostOfTenantB); // null
 */
export function ownedHere(
  actor: SessionActor | null,
  host: HostTenant | null,
): SessionActor | null {
  if (actor === null || host === null || !host.byHost) return actor;
  return actor.tenantId === host.id ? actor : null;
}

/**
 * `deps` for one request on `host`: its session and visitor's pass resolve only when
 * they belong there (`ownedHere`), so every HTTP handler that reads a session keeps the
 * rule without knowing it.
 *
 * @example
 * await documentsHttpHandler(req, res, hostBoundDeps(deps, await deps.hostTenants.resolve(req.headers.host)));
 */
export function hostBoundDeps(deps: ServerDeps, host: HostTenant | null): ServerDeps {
  if (host === null || !host.byHost) return deps;
  return {
    ...deps,
    resolveSession: async (cookies, now) =>
      ownedHere(await deps.resolveSession(cookies, now), host),
    resolveAnonymousPass: async (cookies, now) =>
      ownedHere(await deps.resolveAnonymousPass(cookies, now), host),
  };
}
