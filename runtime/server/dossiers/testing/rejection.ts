import { TRPCClientError } from '@trpc/client';

/** What a refused tRPC call tells the client: the error formatter's `data` and the message. */
export interface Rejection {
  message: string;
  code: string;
  httpStatus: number;
  domainCode: string | null;
  fieldErrors: Record<string, string[]> | null;
  details: Record<string, unknown> | null;
}

/**
 * Awaits a call the test expects to be refused and returns how.
 *
 * @example
 * const refused = await rejection(agent.trpc.dossiers.get.query({ id }));
 * expect(refused.code).toBe('NOT_FOUND');
 */
export async function rejection(call: Promise<unknown>): Promise<Rejection> {
  try {
    const value = await call;
    throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = (error.data ?? {}) as Partial<Rejection>;
    return {
      message: error.message,
      code: data.code ?? 'UNKNOWN',
      httpStatus: data.httpStatus ?? 0,
      domainCode: data.domainCode ?? null,
      fieldErrors: data.fieldErrors ?? null,
      details: data.details ?? null,
    };
  }
}
