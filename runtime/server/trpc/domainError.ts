import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { DomainError, DomainErrorCode } from '../core/domainError.ts';

/**
 * The one table from domain codes to HTTP-level tRPC codes: exhaustive, so a code added
 * to `DomainErrorCode` fails the typecheck until it is mapped here.
 */
export const TRPC_CODES = {
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  WRONG_PASSWORD: 'BAD_REQUEST',
  WEAK_PASSWORD: 'BAD_REQUEST',
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
  GUARD_BROKEN: 'PRECONDITION_FAILED',
  FINAL_STATE: 'PRECONDITION_FAILED',
  NOT_FROM_STATE: 'PRECONDITION_FAILED',
  NOT_A_DRAFT: 'PRECONDITION_FAILED',
  NOT_SUBMITTED: 'PRECONDITION_FAILED',
  EXPORT_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNKNOWN_TRANSITION: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  CROSS_SITE_REQUEST: 'FORBIDDEN',
  EMAIL_NOT_CONFIRMED: 'FORBIDDEN',
  BATCH_TOO_LARGE: 'BAD_REQUEST',
  QUOTA_EXCEEDED: 'TOO_MANY_REQUESTS',
  STORAGE_FULL: 'PAYLOAD_TOO_LARGE',
  UNIT_CODE_TAKEN: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  LAST_ADMIN: 'CONFLICT',
  UNIT_CYCLE: 'BAD_REQUEST',
  INVALID_CSV: 'BAD_REQUEST',
  UNIT_HAS_ACTIVE_CHILDREN: 'CONFLICT',
  UNIT_ARCHIVED: 'BAD_REQUEST',
  SOURCE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INVITATION_INVALID: 'BAD_REQUEST',
  INVITATION_ACCEPTED: 'CONFLICT',
  ACCOUNT_LINK_INVALID: 'BAD_REQUEST',
  LOW_CONTRAST: 'BAD_REQUEST',
  INVALID_IMAGE: 'UNSUPPORTED_MEDIA_TYPE',
  INVALID_ASSIGNEE: 'BAD_REQUEST',
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>;

/**
 * Turns a domain error into the TRPCError the client receives; the error formatter
 * copies `domainCode` and `fieldErrors` into the response's `data`.
 *
 * @example
 * if (!result.ok) throw toTRPCError(result.error);
 */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({
    code: TRPC_CODES[error.code],
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
