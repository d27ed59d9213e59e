import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant } from '../../server/testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../../server/testing/startTestServer.ts';
import { createApiClient } from './createApiClient.ts';
import { domainErrorOf } from './domainErrorOf.ts';

let server: TestServer;
let tenant: string;

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('the call should have been refused'),
    (error: unknown) => error,
  );
}

describe('the web apps’ API client against the real server', () => {
  beforeAll(async () => {
    server = await startTestServer();
    tenant = (await seedTenant(server.database.db)).slug;
  });
  afterAll(() => server.close());

  it('reads a refused login as the INVALID_CREDENTIALS domain error', async () => {
    const api = createApiClient({ baseUrl: server.url });
    const error = await failureOf(
      api.auth.login.mutate({ tenant, email: 'personne@example.fr', password: 'mauvais' }),
    );
    expect(domainErrorOf(error)).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Identifiant ou mot de passe incorrect.',
      fieldErrors: {},
    });
  });

  it('reads invalid input with its field errors, one batched request for two calls', async () => {
    let requests = 0;
    const api = createApiClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const [first, second] = await Promise.allSettled([
      api.auth.login.mutate({ tenant, email: 'personne@example.fr', password: '' }),
      api.auth.login.mutate({ tenant, email: 'autre@example.fr', password: '' }),
    ]);
    expect(requests).toBe(1);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('rejected');
    const refusal = domainErrorOf(first.status === 'rejected' ? first.reason : null);
    expect(refusal?.code).toBe('INVALID_INPUT');
    expect(Object.keys(refusal?.fieldErrors ?? {})).not.toHaveLength(0);
  });

  it('sends a call made with `alone` in a request of its own, the others still batched', async () => {
    const requests: string[] = [];
    const api = createApiClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        requests.push(new URL(String(input)).pathname);
        return fetch(input, init);
      },
    });
    await Promise.allSettled([
      api.auth.me.query(undefined, { context: { alone: true } }),
      api.auth.login.mutate({ tenant, email: 'personne@example.fr', password: '' }),
      api.auth.login.mutate({ tenant, email: 'autre@example.fr', password: '' }),
    ]);
    expect(requests.sort()).toEqual(['/trpc/auth.login,auth.login', '/trpc/auth.me']);
  });
});
