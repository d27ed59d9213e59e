import type { DomainErrorCode } from '../../server/core/domainErrorCode.ts';

/** The server's closed list of domain codes: a switch over it can be exhaustive. */
export type { DomainErrorCode };

/** A refusal the apps can show: a stable code for code, a French message for people. */
export interface DomainErrorView {
  code: DomainErrorCode;
  message: string;
  /** Messages keyed by field path (`/adresse/codePostal`), empty when none. */
  fieldErrors: Record<string, string[]>;
}

/**
 * The domain error inside what a tRPC call threw (a TRPCClientError whose `data` carries
 * `domainCode`), or null for anything else — network failures, internal errors, bugs —
 * which the apps show as a generic failure.
 *
 * @example
 * const refusal = domainErrorOf(error);
 * if (refusal?.code === 'INVALID_CREDENTIALS') showMessage(refusal.message);
 */
export function domainErrorOf(error: unknown): DomainErrorView | null {
  if (!isRecord(error) || typeof error.message !== 'string' || !isRecord(error.data)) return null;
  const code = error.data.domainCode;
  if (typeof code !== 'string' || code === '') return null;
  return {
    code: code as DomainErrorCode,
    message: error.message,
    fieldErrors: fieldErrorsOf(error.data.fieldErrors),
  };
}

function fieldErrorsOf(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(value)) {
    if (!Array.isArray(messages)) continue;
    const texts = messages.filter((message): message is string => typeof message === 'string');
    if (texts.length > 0) fieldErrors[path] = texts;
  }
  return fieldErrors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
