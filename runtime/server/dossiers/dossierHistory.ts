import { and, asc, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierEvents, users } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import type { DossierContext } from './dossierContext.ts';
import { loadDossier } from './loadDossier.ts';
import { isStaffOnlyEvent } from './staffOnlyEvents.ts';

/** One line of a dossier's timeline. */
export interface HistoryEntry {
  seq: number;
  /** `created`, `data_saved`, `transition`, `message_sent`, `attachment_added`. */
  type: string;
  /** Display name of who did it; null for the system (timers). */
  actorName: string | null;
  at: string;
  transition: { id: string; label: string } | null;
  from: { id: string; label: string } | null;
  to: { id: string; label: string } | null;
  input: Record<string, unknown> | null;
  /** Before/after of what changed: form fields, unit, assignee, due date, priority. */
  changes: Record<string, { before: unknown; after: unknown }> | null;
  /** The rest of the payload (reference given, message id, file…). */
  details: Record<string, unknown>;
}

/**
 * The events of a dossier in order, for whoever may read it (as `get`; its applicant
 * without the staff-only ones, docs/SECURITY.md §41), with labels
 * from the dossier's own version and actors' display names. A staff member's read is
 * audited like `get`.
 *
 * @example
 * const history = await dossierHistory(context, { id });
 * // [{ seq: 1, type: 'created', … }, { seq: 2, type: 'data_saved', changes: { nom: … } }, …]
 */
export async function dossierHistory(
  context: DossierContext,
  input: { id: string },
): Promise<Result<HistoryEntry[], DomainError>> {
  const loaded = await loadDossier(context.db, context.session, input.id);
  if (!loaded.ok) {
    await auditDenial(context, input.id, loaded.error);
    return err(loaded.error);
  }
  const { row, published, reader } = loaded.value;
  const workflow = published.definition.workflow;
  const stateLabels = new Map(workflow.states.map((s) => [s.id, s.label]));
  const transitionLabels = new Map(workflow.transitions.map((t) => [t.id, t.label]));
  const labelled = (labels: Map<string, string>, id: unknown) =>
    typeof id === 'string' ? { id, label: labels.get(id) ?? id } : null;
  const events = await context.db
    .select({
      seq: dossierEvents.seq,
      type: dossierEvents.type,
      at: dossierEvents.at,
      payload: dossierEvents.payload,
      actorName: users.displayName,
    })
    .from(dossierEvents)
    .leftJoin(
      users,
      and(eq(users.tenantId, dossierEvents.tenantId), eq(users.id, dossierEvents.actorId)),
    )
    .where(and(eq(dossierEvents.tenantId, row.tenantId), eq(dossierEvents.dossierId, row.id)))
    .orderBy(asc(dossierEvents.seq));
  if (reader === 'staff') {
    await recordSessionAudit(context.db, context, {
      action: 'dossier.history',
      object: `dossier:${row.id}`,
    });
  }
  // The applicant never sees the staff's own events, not even that one exists (§41).
  const shown =
    reader === 'staff' ? events : events.filter((event) => !isStaffOnlyEvent(event.type));
  return ok(
    shown.map((event) => {
      const { transition, from, to, input: given, changes, ...details } = event.payload;
      return {
        seq: event.seq,
        type: event.type,
        actorName: event.actorName,
        at: event.at.toISOString(),
        transition: labelled(transitionLabels, transition),
        from: labelled(stateLabels, from),
        to: labelled(stateLabels, to),
        input: isRecord(given) ? given : null,
        changes: isRecord(changes) ? (changes as HistoryEntry['changes']) : null,
        details,
      };
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
