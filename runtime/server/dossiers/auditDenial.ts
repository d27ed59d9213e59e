import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { DossierContext } from './dossierContext.ts';
import type { DossierLoadError } from './loadDossier.ts';

/**
 * Audits a refused access to a dossier that exists (docs/SECURITY.md §20): the engine's
 * NOT_ALLOWED, or a dossier the caller may not see (answered NOT_FOUND). Written after
 * the refused transaction rolled back, so the denial is kept. A random id leaves no row:
 * there is no object to name.
 *
 * @example
 * if (!result.ok) await auditDenial(context, input.id, result.error);
 */
export async function auditDenial(
  context: DossierContext,
  dossierId: string,
  error: DomainError,
): Promise<void> {
  const denied = (error as DossierLoadError).denied !== undefined;
  if (!denied && error.code !== 'NOT_ALLOWED') return;
  await recordSessionAudit(context.db, context, {
    action: 'dossier.denied',
    object: `dossier:${dossierId}`,
    details: { code: error.code, ...(error.details === undefined ? {} : { ...error.details }) },
  });
}
