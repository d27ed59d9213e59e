import { inArray } from 'drizzle-orm';
import { allowedActions } from '../../../shared/engine/index.ts';
import { dossiers } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import { loadPublishedVersion, toSnapshot } from '../dossiers/index.ts';
import { type QueueServiceContext, stateOf } from '../queues/index.ts';
import type { MyTaskRow } from './myTasksSql.ts';

/** A transition the viewer may fire now; `blocked` when the data does not allow it yet. */
export interface TaskAction {
  transition: string;
  label: string;
  to: string;
  blocked: boolean;
}

/** One thing to do, with what another application needs to show it and link to it. */
export interface TaskItem {
  /** `dossier:<uuid>` or `task:<uuid>`: stable, unique across both sources. */
  id: string;
  source: 'dossier' | 'task';
  dossierId: string;
  reference: string;
  demarcheId: string;
  demarcheTitle: string;
  title: string;
  state: string;
  stateLabel: string;
  unit: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  /** Fire one with `dossiers.act({ id: dossierId, transition, revision })`. */
  actions: TaskAction[];
  /** The dossier revision the actions were computed on, for `dossiers.act`. */
  revision: number;
}

/**
 * Completes task rows with their dossier (one query by primary key), its published
 * definition (cached) and the engine's `allowedActions` for the viewer.
 *
 * @example
 * const items = await toTaskItems(ctx, rows);
 */
export async function toTaskItems(
  ctx: QueueServiceContext,
  rows: readonly MyTaskRow[],
): Promise<TaskItem[]> {
  if (rows.length === 0) return [];
  const { viewer } = ctx;
  // Throws without a tenant (docs/SECURITY.md §8), before anything is looked up.
  const scope = tenantScope(viewer.tenantId);
  const ids = [...new Set(rows.map((row) => row.dossierId))];
  const found = await ctx.db
    .select()
    .from(dossiers)
    .where(scope.where(dossiers, inArray(dossiers.id, ids)));
  const byId = new Map(found.map((row) => [row.id, row]));
  const actor = { id: viewer.userId, roles: viewer.roles, units: viewer.unitCodes };
  const items: TaskItem[] = [];
  for (const row of rows) {
    const dossier = byId.get(row.dossierId);
    if (dossier === undefined) continue;
    const published = await loadPublishedVersion(
      ctx.db,
      viewer.tenantId,
      dossier.demarcheId,
      dossier.version,
    );
    const stateLabel =
      (published && stateOf(published.definition, dossier.state)?.label) ?? dossier.state;
    const reference = dossier.reference ?? '';
    const actions =
      published === null ? [] : allowedActions(published.definition, toSnapshot(dossier), actor);
    items.push({
      id: `${row.source}:${row.id}`,
      source: row.source,
      dossierId: dossier.id,
      reference,
      demarcheId: dossier.demarcheId,
      demarcheTitle: published?.title ?? '',
      title: row.title ?? `${reference} — ${stateLabel}`,
      state: dossier.state,
      stateLabel,
      unit: row.unitCode,
      assigneeId: row.assigneeId,
      dueAt: row.dueAt,
      overdue: row.dueAt !== null && Date.parse(row.dueAt) < ctx.now.getTime(),
      actions: actions.map((action) => ({
        transition: action.transition,
        label: action.label,
        to: action.to,
        blocked: action.blockedBy !== undefined,
      })),
      revision: dossier.revision,
    });
  }
  return items;
}
