import type { AppDatabase } from '../../db/index.ts';
import { dossierEvents } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DossierContext, StaffOnlyEventType } from '../dossiers/index.ts';

/**
 * Writes one collaboration step twice, in the caller's transaction: as a dossier event
 * (the history timeline, staff-only: docs/SECURITY.md §41) and as an audit row
 * (docs/SECURITY.md §20). Never a comment's text in either: its id and length only.
 *
 * @example
 * await recordCollaboration(tx, context, { dossierId, type: 'followed', payload: {} });
 */
export async function recordCollaboration(
  tx: AppDatabase,
  context: DossierContext,
  step: {
    tenantId: string;
    dossierId: string;
    type: StaffOnlyEventType;
    payload: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(dossierEvents).values({
    tenantId: step.tenantId,
    dossierId: step.dossierId,
    type: step.type,
    actorId: context.session.userId,
    at: context.now,
    payload: step.payload,
    requestId: context.requestId,
  });
  await recordSessionAudit(tx, context, {
    action: `dossier.${step.type}`,
    object: `dossier:${step.dossierId}`,
    details: step.payload,
  });
}
