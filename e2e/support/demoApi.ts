import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_TENANT } from '../../runtime/server/demo/index.ts';
import { type ApiClient, createApiClient } from '../../runtime/web/api/createApiClient.ts';

/**
 * A demo account signed in through the real API, as the web apps reach it (the typed
 * client), with its own session cookie: journeys prepare their data the way users
 * make it, and play "someone else" acting at the same time.
 *
 * @example
 * const citizen = await demoApi(server.url, 'citoyen@demo.guichet.localhost');
 * const id = await submitAideSociale(citizen, { nom: 'Zéphyrin' });
 */
export async function demoApi(baseUrl: string, email: string): Promise<ApiClient> {
  return (await demoSession(baseUrl, email)).api;
}

/**
 * `demoApi`, with the session cookie it holds: for a tool that opens pages as that
 * account (Lighthouse on a form page).
 */
export async function demoSession(
  baseUrl: string,
  email: string,
): Promise<{ api: ApiClient; cookie(): string }> {
  let cookie = '';
  const api = createApiClient({
    baseUrl,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('cookie', cookie);
      headers.set('origin', baseUrl);
      const response = await fetch(input, { ...init, headers });
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
      return response;
    },
  });
  await api.auth.login.mutate({ tenant: DEMO_TENANT, email, password: DEMO_PASSWORD });
  return { api, cookie: () => cookie };
}

/**
 * Creates, fills and submits a demo « Demande d’aide sociale » as `citizen`; returns its
 * id and reference.
 */
export async function submitAideSociale(
  citizen: ApiClient,
  answers: { nom: string; prenom?: string },
): Promise<{ id: string; reference: string }> {
  const { id } = await citizen.dossiers.create.mutate({ demarche: 'aide-sociale' });
  await citizen.dossiers.saveDraft.mutate({
    id,
    revision: 0,
    data: {
      nom: answers.nom,
      prenom: answers.prenom ?? 'Claire',
      email: 'claire@example.fr',
      revenuMensuel: 900,
      situation: 'seul',
    },
  });
  await citizen.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
  const dossier = await citizen.dossiers.get.query({ id });
  return { id, reference: dossier.reference ?? '' };
}
