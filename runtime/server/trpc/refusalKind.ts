import type { TRPCError } from '@trpc/server';
import type { RefusalKind } from '../audit/index.ts';
import { DomainFailure } from './domainError.ts';

/**
 * Which refusals of a signed-in call are security events to audit:
 * - `role`: a role gate (`staffProcedure`, `citizenProcedure`) threw FORBIDDEN itself —
 *   a domain FORBIDDEN (the engine's NOT_ALLOWED…) is the service's to audit;
 * - `not_found`: any NOT_FOUND, unless the service already audited it as a denial of a
 *   dossier that exists (`auditDenial` marks those `denied`), so each refusal leaves
 *   one row.
 *
 * @example
 * refusalKind(new TRPCError({ code: 'FORBIDDEN' })) // 'role'
 */
export function refusalKind(error: TRPCError): RefusalKind | null {
  const domain = error.cause instanceof DomainFailure ? error.cause.domain : null;
  if (error.code === 'FORBIDDEN') return domain === null ? 'role' : null;
  if (error.code !== 'NOT_FOUND') return null;
  const denied = (domain as { denied?: unknown } | null)?.denied !== undefined;
  return denied ? null : 'not_found';
}
