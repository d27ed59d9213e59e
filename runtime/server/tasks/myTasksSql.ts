import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { dossiers, tasks } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import {
  type KeysetSegment,
  type QueueViewer,
  submitted,
  unitVisibility,
} from '../queues/index.ts';
import type { ownedStates, VersionState } from './ownedStates.ts';

/** A task row as `myTasksSql` returns it; timestamps are ISO text. */
export interface MyTaskRow {
  source: 'dossier' | 'task';
  id: string;
  dossierId: string;
  title: string | null;
  unitCode: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  k0: string | null;
}

/**
 * One keyset segment of the viewer's tasks, soonest due first: dossiers waiting in a
 * state the viewer owns (assigned to them, or unassigned in their reach), and open rows
 * of the `tasks` table assigned to them or unassigned in a unit they see. Each source
 * reads its own segment of the order, then the union is cut to `limit`.
 *
 * @example
 * await db.execute(myTasksSql(viewer, owned, { dossier: segmentD, task: segmentT }, 51));
 */
export function myTasksSql(
  viewer: QueueViewer,
  owned: ReturnType<typeof ownedStates>,
  segments: { dossier: KeysetSegment; task: KeysetSegment },
  limit: number,
): SQL {
  const scope = tenantScope(viewer.tenantId);
  const mine = eq(dossiers.assigneeId, viewer.userId);
  const waiting = or(
    ...(owned.byDossierUnit.length === 0
      ? []
      : [
          and(
            inStates(owned.byDossierUnit),
            or(mine, and(isNull(dossiers.assigneeId), unitVisibility(viewer, dossiers.unitCode))),
          ),
        ]),
    ...(owned.byOwnerUnit.length === 0
      ? []
      : [and(inStates(owned.byOwnerUnit), or(mine, isNull(dossiers.assigneeId)))]),
    ...(owned.assignedOnly.length === 0 ? [] : [and(inStates(owned.assignedOnly), mine)]),
  );
  const branches: SQL[] = [];
  if (waiting !== undefined) {
    const where = scope.where(
      dossiers,
      submitted(dossiers.reference),
      waiting,
      segments.dossier.where,
    );
    branches.push(sql`(select 'dossier' as "source", ${dossiers.id} as "id", ${dossiers.id} as "dossier_id", null::text as "title",
      ${dossiers.unitCode} as "unit_code", ${dossiers.assigneeId} as "assignee_id", ${dossiers.dueAt} as "due_at"
      from ${dossiers} where ${where} order by ${sql.join(segments.dossier.orderBy, sql`, `)} limit ${limit})`);
  }
  const taskWhere = scope.where(
    tasks,
    eq(tasks.state, 'open'),
    or(
      eq(tasks.assigneeId, viewer.userId),
      and(isNull(tasks.assigneeId), unitVisibility(viewer, tasks.unitCode)),
    ),
    segments.task.where,
  );
  branches.push(sql`(select 'task' as "source", ${tasks.id} as "id", ${tasks.dossierId} as "dossier_id", ${tasks.title} as "title",
    ${tasks.unitCode} as "unit_code", ${tasks.assigneeId} as "assignee_id", ${tasks.dueAt} as "due_at"
    from ${tasks} where ${taskWhere} order by ${sql.join(segments.task.orderBy, sql`, `)} limit ${limit})`);
  return sql`select "source", "id", "dossier_id" as "dossierId", "title", "unit_code" as "unitCode", "assignee_id" as "assigneeId",
      to_char("due_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt",
      to_char("due_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "k0"
    from (${sql.join(branches, sql` union all `)}) as "t" order by "due_at" asc, "id" asc limit ${limit}`;
}

function inStates(states: readonly VersionState[]): SQL {
  const rows = states.map((s) => sql`(${s.demarcheId}::uuid, ${s.version}::int, ${s.state}::text)`);
  return sql`(${dossiers.demarcheId}, ${dossiers.version}, ${dossiers.state}) in (${sql.join(rows, sql`, `)})`;
}
