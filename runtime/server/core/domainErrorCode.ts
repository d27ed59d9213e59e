/**
 * Every code a service may report in a `DomainError`: a closed list, so web apps can
 * `import type` it and switch over it exhaustively, and the tRPC edge must map each one
 * (a new code fails the typecheck until the edge's table has it). No runtime imports
 * here: this file is read by the web apps' typecheck too.
 */
export type DomainErrorCode =
  // who may do what
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'WRONG_PASSWORD'
  | 'WEAK_PASSWORD'
  | 'FORBIDDEN'
  | 'NOT_ALLOWED'
  | 'NOT_EDITABLE'
  | 'FIELD_NOT_EDITABLE'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'CROSS_SITE_REQUEST'
  | 'EMAIL_NOT_CONFIRMED'
  // what exists
  | 'NOT_FOUND'
  // concurrent changes and replays
  | 'STALE_REVISION'
  | 'CONFLICT'
  | 'SLUG_TAKEN'
  | 'ALREADY_PUBLISHED'
  | 'SCAN_PENDING'
  | 'IDEMPOTENCY_MISMATCH'
  | 'UNIT_CODE_TAKEN'
  | 'EMAIL_TAKEN'
  | 'LAST_ADMIN'
  // what was sent
  | 'INVALID_INPUT'
  | 'INVALID_DATA'
  | 'INVALID_DEFINITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'BATCH_TOO_LARGE'
  | 'STORAGE_FULL'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'UNIT_CYCLE'
  | 'INVALID_CSV'
  | 'UNIT_HAS_ACTIVE_CHILDREN'
  | 'UNIT_ARCHIVED'
  | 'INVITATION_INVALID'
  | 'INVITATION_ACCEPTED'
  | 'ACCOUNT_LINK_INVALID'
  | 'LOW_CONTRAST'
  | 'INVALID_IMAGE'
  | 'INVALID_ASSIGNEE'
  // the workflow engine
  | 'UNKNOWN_TRANSITION'
  | 'GUARD_FAILED'
  | 'GUARD_BROKEN'
  | 'FINAL_STATE'
  | 'NOT_FROM_STATE'
  | 'NOT_A_DRAFT'
  | 'NOT_SUBMITTED'
  | 'EXPORT_TOO_LARGE'
  // the platform
  | 'DATABASE_UNAVAILABLE'
  | 'SOURCE_UNAVAILABLE';
