import type { TestClient } from '../../testing/testClient.ts';
import type { HttpRequestSample } from './httpRouteSamples.ts';

/** What an HTTP route answered: status, and the JSON error body when it refused. */
export interface HttpOutcome {
  status: number;
  error: unknown;
}

/**
 * Sends a sample request with the client's cookies. The body is kept only for refusals:
 * a served file is bytes, and two refusals must match byte for byte in what they say.
 *
 * @example
 * const outcome = await callHttp(agent, HTTP_ROUTE_SAMPLES['GET /api/attachments/:id'].request(world));
 */
export async function callHttp(
  client: TestClient,
  request: HttpRequestSample,
): Promise<HttpOutcome> {
  const response = await client.fetch(request.path, request.init);
  if (response.ok) {
    await response.arrayBuffer();
    return { status: response.status, error: null };
  }
  return { status: response.status, error: await response.json() };
}
