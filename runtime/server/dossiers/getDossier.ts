import { err, ok, type Result } from '../../../shared/result.ts';
import type { SourceLabels } from '../../../shared/templating/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import { type AttachmentSummary, dossierAttachments } from './dossierAttachments.ts';
import type { DossierContext } from './dossierContext.ts';
import { type DossierView, dossierView } from './dossierView.ts';
import { loadDossier } from './loadDossier.ts';
import { dossierSourceLabels } from './sourcedValues.ts';

/**
 * One dossier for its applicant or for staff who cover its unit; NOT_FOUND for anyone
 * else. A staff member's read is audited (docs/SECURITY.md §20): who looked at whose file.
 * The view lists the dossier's attached files too, and the labels of the codes its
 * sourced fields hold (`sourceLabels`: « Lyon 3e Arrondissement » for « 69383 »).
 *
 * @example
 * const view = await getDossier(context, { id });
 * if (view.ok) render(view.value.allowedActions);
 */
export async function getDossier(
  context: DossierContext,
  input: { id: string },
): Promise<
  Result<
    DossierView & { attachments: AttachmentSummary[]; sourceLabels: SourceLabels },
    DomainError
  >
> {
  const loaded = await loadDossier(context.db, context.session, input.id);
  if (!loaded.ok) {
    await auditDenial(context, input.id, loaded.error);
    return err(loaded.error);
  }
  const { row, published, reader } = loaded.value;
  if (reader === 'staff') {
    await recordSessionAudit(context.db, context, {
      action: 'dossier.read',
      object: `dossier:${row.id}`,
      details: { reference: row.reference },
    });
  }
  const files = await dossierAttachments(context.db, row.tenantId, row.id);
  const view = dossierView(row, published, context.session);
  const sourceLabels = await dossierSourceLabels(context, row.tenantId, published.definition, [
    view.data,
  ]);
  return ok({ ...view, attachments: files, sourceLabels });
}
