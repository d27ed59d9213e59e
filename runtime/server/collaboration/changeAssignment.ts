import { and, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { demarches, dossiers, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  auditDenial,
  type DossierContext,
  inTransaction,
  type LoadedDossier,
  lastChangeOf,
  staleRevision,
} from '../dossiers/index.ts';
import type { AssignTarget } from './collaborationInputs.ts';
import { canHandle, unitCodesUnder } from './eligibleAssignee.ts';
import { recordCollaboration } from './recordCollaboration.ts';
import { staffDossier } from './staffDossier.ts';

/** Who handles a dossier: one agent (or nobody) within one unit (or none). */
interface Handling {
  assigneeId: string | null;
  unitCode: string | null;
}

export type AssignmentMode = 'claim' | 'assign' | 'release';

export interface AssignmentView extends Handling {
  id: string;
  revision: number;
}

/**
 * Changes who handles a dossier — `claim` (to me), `assign` (to a colleague, or to a
 * unit, which clears the agent), `release` (to nobody) — under the dossier's revision:
 * the caller sends the revision they saw, and if someone changed the dossier since, the
 * change is refused with a French conflict message naming the last change, never
 * applied over it (docs/SECURITY.md §9, §45). A success bumps the revision, appends an
 * `assignment_changed` event (staff-only) with before/after, and is audited.
 *
 * @example
 * await changeAssignment(context, { dossierId, revision: 3 }, 'claim');
 */
export async function changeAssignment(
  context: DossierContext,
  input: { dossierId: string; revision: number; to?: AssignTarget },
  mode: AssignmentMode,
): Promise<Result<AssignmentView, DomainError>> {
  const result = await inTransaction<AssignmentView, DomainError>(context.db, async (tx) => {
    const loaded = await staffDossier(tx, context, input.dossierId, { forUpdate: true });
    if (!loaded.ok) return loaded;
    const { row } = loaded.value;
    if (row.revision !== input.revision) {
      const lastChange = await lastChangeOf(tx, row.tenantId, row.id, { staffView: true });
      const stale = staleRevision(input.revision, row.revision);
      return err({ ...stale, details: { ...stale.details, lastChange } });
    }
    const next = await decide(tx, context, loaded.value, { mode, to: input.to });
    if (!next.ok) return next;
    const before: Handling = { assigneeId: row.assigneeId, unitCode: row.unitCode };
    const revision = row.revision + 1;
    await tx
      .update(dossiers)
      .set({ ...next.value, revision, updatedAt: context.now })
      .where(and(eq(dossiers.tenantId, row.tenantId), eq(dossiers.id, row.id)));
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (before.assigneeId !== next.value.assigneeId) {
      changes['assigneeId'] = { before: before.assigneeId, after: next.value.assigneeId };
    }
    if (before.unitCode !== next.value.unitCode) {
      changes['unit'] = { before: before.unitCode, after: next.value.unitCode };
    }
    await recordCollaboration(tx, context, {
      tenantId: row.tenantId,
      dossierId: row.id,
      type: 'assignment_changed',
      payload: { mode, changes },
    });
    return ok({ id: row.id, revision, ...next.value });
  });
  if (!result.ok) await auditDenial(context, input.dossierId, result.error);
  return result;
}

async function decide(
  tx: AppDatabase,
  context: DossierContext,
  dossier: LoadedDossier,
  request: { mode: AssignmentMode; to: AssignTarget | undefined },
): Promise<Result<Handling, DomainError>> {
  const { row } = dossier;
  const session = context.session;
  if (request.mode === 'claim') return ok({ assigneeId: session.userId, unitCode: row.unitCode });
  if (request.mode === 'release') {
    const mayRelease =
      row.assigneeId === session.userId ||
      session.roles.includes('admin') ||
      session.roles.includes('supervisor');
    if (!mayRelease) {
      return err({
        code: 'NOT_ALLOWED',
        message:
          'Seul l’agent en charge, un superviseur ou un administrateur peut libérer ce dossier.',
      });
    }
    return ok({ assigneeId: null, unitCode: row.unitCode });
  }
  const to = request.to;
  if (to === undefined) throw new Error('guichet: assign without a target');
  if (to.kind === 'agent') {
    if (!(await canHandle(tx, row.tenantId, to.userId, row.unitCode))) {
      return err(
        invalidAssignee(
          'Cette personne n’est pas un agent de la collectivité habilité à traiter ce dossier.',
        ),
      );
    }
    return ok({ assigneeId: to.userId, unitCode: row.unitCode });
  }
  const [unit] = await tx
    .select({ code: units.code })
    .from(units)
    .where(and(eq(units.tenantId, row.tenantId), eq(units.id, to.unitId)));
  if (!unit || !(await withinOwnerUnit(tx, row.tenantId, row.demarcheId, unit.code))) {
    return err(invalidAssignee('Ce service n’existe pas ou ne traite pas cette démarche.'));
  }
  // The dossier goes to the unit's queue; an agent of the old unit no longer holds it.
  return ok({ assigneeId: null, unitCode: unit.code });
}

/** A démarche with an owner unit is handled within that unit's subtree only. */
async function withinOwnerUnit(
  tx: AppDatabase,
  tenantId: string,
  demarcheId: string,
  unitCode: string,
): Promise<boolean> {
  const [demarche] = await tx
    .select({ ownerUnitId: demarches.ownerUnitId })
    .from(demarches)
    .where(and(eq(demarches.tenantId, tenantId), eq(demarches.id, demarcheId)));
  if (!demarche?.ownerUnitId) return true;
  return (await unitCodesUnder(tx, tenantId, [demarche.ownerUnitId])).includes(unitCode);
}

function invalidAssignee(message: string): DomainError {
  return { code: 'INVALID_ASSIGNEE', message, fieldErrors: { to: [message] } };
}
