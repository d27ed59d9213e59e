import { inArray } from 'drizzle-orm';
import type { Priority } from '../../../shared/definition/types.ts';
import { PRIORITY_RANKS } from '../../db/schema/dossiers.ts';
import { users } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { loadPublishedVersion, type PublishedVersion } from '../dossiers/index.ts';
import type { QueueRow } from './readQueueSegment.ts';
import { stateOf } from './stateCatalog.ts';

/** One line of a back-office queue: enough to show and sort it without opening the dossier. */
export interface QueueItem {
  id: string;
  reference: string;
  demarcheId: string;
  demarcheTitle: string;
  version: number;
  revision: number;
  state: string;
  stateLabel: string;
  unit: string | null;
  assigneeId: string | null;
  priority: Priority;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  applicantName: string;
}

const PRIORITY_BY_RANK = new Map(
  Object.entries(PRIORITY_RANKS).map(([name, rank]) => [rank as number, name as Priority]),
);

/**
 * Turns a page of rows into queue items: démarche titles and state labels from the
 * (cached, immutable) published versions, applicant names in one query. Done after the
 * page is cut so the page query stays a plain index range scan.
 *
 * @example
 * const items = await toQueueItems(db, tenantId, rows, now);
 */
export async function toQueueItems(
  db: AppDatabase,
  tenantId: string,
  rows: readonly QueueRow[],
  now: Date,
): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  // Throws without a tenant (docs/SECURITY.md §8), before anything is looked up.
  const scope = tenantScope(tenantId);
  const versions = new Map<string, PublishedVersion | null>();
  for (const row of rows) {
    const key = `${row.demarcheId}:${row.version}`;
    if (!versions.has(key)) {
      versions.set(
        key,
        await loadPublishedVersion(db, scope.tenantId, row.demarcheId, row.version),
      );
    }
  }
  const applicantIds = [...new Set(rows.map((row) => row.applicantId))];
  const names = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(scope.where(users, inArray(users.id, applicantIds)));
  const nameOf = new Map(names.map((user) => [user.id, user.displayName]));
  return rows.map((row) => {
    const published = versions.get(`${row.demarcheId}:${row.version}`) ?? null;
    const state = published === null ? undefined : stateOf(published.definition, row.state);
    return {
      id: row.id,
      reference: row.reference ?? '',
      demarcheId: row.demarcheId,
      demarcheTitle: published?.title ?? '',
      version: row.version,
      revision: Number(row.revision),
      state: row.state,
      stateLabel: state?.label ?? row.state,
      unit: row.unitCode,
      assigneeId: row.assigneeId,
      priority: PRIORITY_BY_RANK.get(Number(row.priority)) ?? 'normal',
      dueAt: row.dueAt,
      overdue: row.dueAt !== null && Date.parse(row.dueAt) < now.getTime(),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      applicantName: nameOf.get(row.applicantId) ?? '',
    };
  });
}
