/** Where the agent app is served (runtime/server/webBuild/webApps.ts). */
export const AGENT_BASE = '/agent/';

/** A screen of the agent app, read from the address. */
export type AgentRoute =
  | { page: 'queue'; search: string }
  | { page: 'dossier'; id: string }
  | { page: 'invitation' };

const DOSSIER_PATH = /^\/agent\/dossiers\/([0-9a-f-]{36})\/?$/i;
const INVITATION_PATH = /^\/agent\/invitation\/?$/;

/**
 * The screen an address shows: `/agent/dossiers/<id>` a dossier, `/agent/invitation`
 * the acceptance of a staff invitation (its token in the fragment), anything else under
 * `/agent/` the queue with its filters in the query string.
 *
 * @example
 * routeOf('/agent/dossiers/0b7d…', ''); // { page: 'dossier', id: '0b7d…' }
 */
export function routeOf(pathname: string, search: string): AgentRoute {
  const dossier = DOSSIER_PATH.exec(pathname);
  if (dossier?.[1]) return { page: 'dossier', id: dossier[1].toLowerCase() };
  if (INVITATION_PATH.test(pathname)) return { page: 'invitation' };
  return { page: 'queue', search };
}

/** The address of a dossier's screen. */
export function dossierPath(id: string): string {
  return `${AGENT_BASE}dossiers/${id}`;
}
