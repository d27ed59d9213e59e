import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import { rowsOf } from '../../db/driver/driverValues.ts';
import { dossiers, tasks } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  decodeCursor,
  encodeCursor,
  invalidCursor,
  isKeyFor,
  type Keyset,
  type KeysetPosition,
  keysetSegments,
  publishedVersions,
  type QueueServiceContext,
} from '../queues/index.ts';
import { type MyTaskRow, myTasksSql } from './myTasksSql.ts';
import { ownedStates } from './ownedStates.ts';
import { type TaskItem, toTaskItems } from './taskItems.ts';

/** Input of `tasks.mine`. Strict: the tenant and the user come from the session only. */
export const myTasksInput = z.strictObject({
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export type MyTasksQuery = z.output<typeof myTasksInput>;

export interface MyTasksPage {
  items: TaskItem[];
  nextCursor: string | null;
}

const SORT = 'tasks.dueAt';
const byDue = (table: typeof dossiers | typeof tasks): Keyset => ({
  columns: [{ column: table.dueAt, kind: 'timestamp' }],
  id: table.id,
  firstNullable: true,
});

/**
 * What the viewer must do now, soonest due first (no due date last), for their own
 * back office or for another application merging it into its task list: dossiers in a
 * state the workflow gives to one of their roles (assigned to them, or unassigned in
 * their reach, see `ownedStates`), and open rows of the `tasks` table. Each item carries
 * the dossier id and the transitions the viewer may fire now: acting on a task is
 * `dossiers.act` with one of them, there is no separate "complete".
 *
 * @example
 * const page = await listMyTasks(ctx, myTasksInput.parse({}));
 * // page.value.items[0]: { source: 'dossier', dossierId, title: 'AIDE-2026-000001 — Déposé', actions: [...] }
 */
export async function listMyTasks(
  ctx: QueueServiceContext,
  query: MyTasksQuery,
): Promise<Result<MyTasksPage, DomainError>> {
  let after: KeysetPosition | null = null;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor);
    if (!position.ok) return position;
    const { sort, direction, key, id } = position.value;
    if (sort !== SORT || direction !== 'asc' || !isKeyFor(byDue(dossiers), key))
      return err(invalidCursor());
    after = { key, id };
  }
  const owned = ownedStates(
    await publishedVersions(ctx.db, tenantScope(ctx.viewer.tenantId)),
    ctx.viewer,
  );
  const dossierSegments = keysetSegments(byDue(dossiers), 'asc', after, { withNulls: true });
  const taskSegments = keysetSegments(byDue(tasks), 'asc', after, { withNulls: true });
  const rows: MyTaskRow[] = [];
  for (const [index, dossier] of dossierSegments.entries()) {
    const wanted = query.limit + 1 - rows.length;
    if (wanted <= 0) break;
    const segments = { dossier, task: taskSegments[index]! };
    rows.push(
      ...(rowsOf(
        await ctx.db.execute(myTasksSql(ctx.viewer, owned, segments, wanted)),
      ) as MyTaskRow[]),
    );
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({ sort: SORT, direction: 'asc', key: [last.k0], id: last.id })
      : null;
  return ok({ items: await toTaskItems(ctx, page), nextCursor });
}
