import { TRPCClientError } from '@trpc/client';
import type { TestClient } from '../../testing/testClient.ts';
import type { CatalogEntry } from '../procedureCatalog.ts';

/** What the client saw: the value, or the refusal as the error formatter shaped it. */
export type Outcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      code: string;
      httpStatus: number;
      domainCode: string | null;
      message: string;
      fieldErrors: Record<string, string[]> | null;
    };

type Call = (input: unknown) => Promise<unknown>;

/**
 * Calls procedure `entry.path` over real HTTP with the client's cookies, by walking the
 * typed client's proxy with the dotted path: the suites iterate the whole router, so
 * no procedure-specific typing is possible here. Never throws for a refusal.
 *
 * @example
 * const outcome = await callProcedure(agent, { path: 'dossiers.get', type: 'query' }, { id });
 * if (!outcome.ok) expect(outcome.code).toBe('NOT_FOUND');
 */
export async function callProcedure(
  client: TestClient,
  entry: Pick<CatalogEntry, 'path' | 'type'>,
  input: unknown,
): Promise<Outcome> {
  let node: unknown = client.trpc;
  for (const key of entry.path.split('.')) node = (node as Record<string, unknown>)[key];
  const method = entry.type === 'query' ? 'query' : 'mutate';
  const call = (node as Record<string, Call>)[method]!;
  try {
    return { ok: true, value: await call(input) };
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = (error.data ?? {}) as Partial<Record<string, unknown>>;
    return {
      ok: false,
      code: typeof data['code'] === 'string' ? data['code'] : 'UNKNOWN',
      httpStatus: typeof data['httpStatus'] === 'number' ? data['httpStatus'] : 0,
      domainCode: typeof data['domainCode'] === 'string' ? data['domainCode'] : null,
      message: error.message,
      fieldErrors: isFieldErrors(data['fieldErrors']) ? data['fieldErrors'] : null,
    };
  }
}

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An outcome as one comparable line: `'ok'`, or the whole refusal as the client saw it.
 *
 * @example
 * expect(shown(foreign)).toBe(shown(random));
 */
export function shown(outcome: Outcome): string {
  return outcome.ok ? 'ok' : JSON.stringify(outcome);
}
