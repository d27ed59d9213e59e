/** Where the agent app is served (runtime/server/webBuild/webApps.ts). */
export const AGENT_BASE = '/agent/';

/** A screen of the agent app, read from the address. */
export type AgentRoute =
  | { page: 'queue'; search: string }
  | { page: 'dossier'; id: string }
  | { page: 'dashboard'; search: string }
  | { page: 'invitation' };

const DOSSIER_PATH = /^\/agent\/dossiers\/([0-9a-f-]{36})\/?$/i;
const INVITATION_PATH = /^\/agent\/invitation\/?$/;
const DASHBOARD_PATH_PATTERN = /^\/agent\/tableau-de-bord\/?$/;

/** The dashboard's address (its choices in the query string). */
export const DASHBOARD_PATH = `${AGENT_BASE}tableau-de-bord`;

/**
 * The screen an address shows: `/agent/dossiers/<id>` a dossier, `/agent/invitation`
 * the acceptance of a staff invitation (its token in the fragment), `/agent/tableau-de-bord`
 * the dashboard (its choices in the query string), anything else under
 * `/agent/` the queue with its filters in the query string.
 *
 * @example
 * routeOf('/agent/dossiers/0b7d…', ''); // { page: 'dossier', id: '0b7d…' }
 */
export function routeOf(pathname: string, search: string): AgentRoute {
  const dossier = DOSSIER_PATH.exec(pathname);
  if (dossier?.[1]) return { page: 'dossier', id: dossier[1].toLowerCase() };
  if (INVITATION_PATH.test(pathname)) return { page: 'invitation' };
  if (DASHBOARD_PATH_PATTERN.test(pathname)) return { page: 'dashboard', search };
  return { page: 'queue', search };
}

/** The address of a dossier's screen. */
export function dossierPath(id: string): string {
  return `${AGENT_BASE}dossiers/${id}`;
}
