import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * A failure a service reports as a value: a stable `code` for programs, a French
 * `message` for people, and optional field errors for forms.
 */
export interface DomainError {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

/** The one table from domain codes to HTTP-level tRPC codes. */
const TRPC_CODES: Record<string, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  ACCOUNT_LOCKED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_ALLOWED: 'FORBIDDEN',
  NOT_EDITABLE: 'FORBIDDEN',
  FIELD_NOT_EDITABLE: 'FORBIDDEN',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  STALE_REVISION: 'CONFLICT',
  CONFLICT: 'CONFLICT',
  SLUG_TAKEN: 'CONFLICT',
  ALREADY_PUBLISHED: 'CONFLICT',
  SCAN_PENDING: 'CONFLICT',
  IDEMPOTENCY_MISMATCH: 'UNPROCESSABLE_CONTENT',
  INVALID_INPUT: 'BAD_REQUEST',
  INVALID_DATA: 'BAD_REQUEST',
  INVALID_DEFINITION: 'BAD_REQUEST',
  GUARD_FAILED: 'PRECONDITION_FAILED',
  FINAL_STATE: 'PRECONDITION_FAILED',
  NOT_FROM_STATE: 'PRECONDITION_FAILED',
  NOT_A_DRAFT: 'PRECONDITION_FAILED',
  NOT_SUBMITTED: 'PRECONDITION_FAILED',
  UNKNOWN_TRANSITION: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Turns a domain error into the TRPCError the client receives; the error formatter
 * copies `domainCode` and `fieldErrors` into the response's `data`.
 *
 * @example
 * if (!result.ok) throw toTRPCError(result.error);
 */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({
    code: TRPC_CODES[error.code] ?? 'BAD_REQUEST',
    message: error.message,
    cause: new DomainFailure(error),
  });
}

/** Carries the domain error through tRPC's `cause` to the error formatter. */
export class DomainFailure extends Error {
  constructor(readonly domain: DomainError) {
    super(domain.message);
    this.name = 'DomainFailure';
  }
}

/** Unwraps a domain result or throws the mapped TRPCError. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T {
  if (!result.ok) throw toTRPCError(result.error);
  return result.value;
}
