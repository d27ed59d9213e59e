import { TRPCClientError } from '@trpc/client';

/** What a failed call showed the client: tRPC code, domain code, details, message. */
export interface ApiFailure {
  code: string | undefined;
  domainCode: string | null | undefined;
  details: Record<string, unknown> | null | undefined;
  message: string;
}

/**
 * Awaits a tRPC call the test expects to fail and returns what the client saw, so
 * assertions read as data (`expect(await apiFailure(call)).toMatchObject({ … })`).
 *
 * @example
 * expect(await apiFailure(agent.trpc.demarches.publish.mutate(input))).toMatchObject({ code: 'FORBIDDEN' });
 */
export async function apiFailure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as Partial<Omit<ApiFailure, 'message'>> | undefined;
    return {
      code: data?.code,
      domainCode: data?.domainCode,
      details: data?.details,
      message: error.message,
    };
  }
  throw new Error('expected the call to fail, it succeeded');
}
