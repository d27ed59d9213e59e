import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenants } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import type { DossierContext } from './dossierContext.ts';
import { loadDossier } from './loadDossier.ts';
import { receiptLines } from './receiptAnswers.ts';
import { receiptPdf } from './receiptPdf.ts';
import { dossierSourceLabels } from './sourcedValues.ts';

export interface DossierReceipt {
  fileName: string;
  /** The PDF's bytes, base64: tRPC speaks JSON. */
  pdfBase64: string;
}

/**
 * The accusé de réception of a submitted dossier (docs/SECURITY.md §52), for its applicant
 * and for staff who cover its unit: the same NOT_FOUND as `getDossier` for anyone else
 * (another citizen, another tenant, a random id), and the denial is audited. A draft has
 * no receipt yet. A staff member's download is audited like a read.
 *
 * @example
 * const receipt = await dossierReceipt(context, { id });
 */
export async function dossierReceipt(
  context: DossierContext,
  input: { id: string },
): Promise<Result<DossierReceipt, DomainError>> {
  const loaded = await loadDossier(context.db, context.session, input.id);
  if (!loaded.ok) {
    await auditDenial(context, input.id, loaded.error);
    return err(loaded.error);
  }
  const { row, published, reader } = loaded.value;
  if (row.reference === null || row.submittedAt === null) {
    return err({ code: 'NOT_SUBMITTED', message: 'Ce dossier n’a pas encore été déposé.' });
  }
  if (reader === 'staff') {
    await recordSessionAudit(context.db, context, {
      action: 'dossier.receipt_read',
      object: `dossier:${row.id}`,
      details: { reference: row.reference },
    });
  }
  const [tenant] = await context.db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, row.tenantId));
  const definition = published.definition;
  const labels = await dossierSourceLabels(context, row.tenantId, definition, [row.data]);
  const pdf = await receiptPdf({
    tenantName: tenant?.name ?? '',
    demarcheTitle: published.title,
    reference: row.reference,
    submittedAt: row.submittedAt,
    lines: receiptLines(definition.form, row.data, labels),
  });
  return ok({
    fileName: `accuse-de-reception-${row.reference}.pdf`,
    pdfBase64: Buffer.from(pdf).toString('base64'),
  });
}
