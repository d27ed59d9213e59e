import type { DomainErrorCode } from './domainErrorCode.ts';

export type { DomainErrorCode } from './domainErrorCode.ts';

/**
 * What a failure may carry beyond its message, by name: the tRPC edge sends it to the
 * client as `data.details`, so every key is one a client may read.
 */
export interface DomainErrorDetails {
  /** RATE_LIMITED, ACCOUNT_LOCKED: seconds before a retry may succeed (`Retry-After`). */
  retryAfterS?: number;
  /** PAYLOAD_TOO_LARGE: the limit and what was sent. */
  limitBytes?: number;
  bytes?: number;
  maxBytes?: number;
  /** Engine refusals: the transition asked for, the state it was refused in, and why. */
  transition?: string;
  state?: string;
  reason?: string;
  failures?: readonly unknown[];
  /** STALE_REVISION on a démarche draft: the revision to reload. */
  currentRevision?: number;
  expectedRevision?: number;
  /** STALE_REVISION on a dossier: who changed it last, and when. */
  lastChange?: unknown;
  /** INVALID_DEFINITION: the linter's findings, each with a pointer. */
  problems?: readonly unknown[];
  diagnostics?: readonly unknown[];
  version?: number;
  reference?: string | null;
  dossierId?: string;
  /** BATCH_TOO_LARGE: calls sent in one request, and the most allowed. */
  calls?: number;
  maxCalls?: number;
  /** QUOTA_EXCEEDED: the hourly limit reached. STORAGE_FULL: the tenant's cap. */
  limit?: number;
  capBytes?: number;
  /** INVALID_CSV: each faulty line and what is wrong with it, in French. */
  lines?: readonly { line: number; message: string }[];
  /** LOW_CONTRAST: the colour's contrast ratio with white text, and the least accepted. */
  contrast?: number;
  minContrast?: number;
  /** CONFLICT on deleting a reference table: the published démarches that name it. */
  demarches?: readonly string[];
}

/**
 * A failure a service reports as a value: a stable `code` for programs, a French
 * `message` for people, and optional field errors for forms.
 */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: DomainErrorDetails;
}
