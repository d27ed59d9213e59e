import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { AppDatabase } from '../../db/index.ts';
import { dossierEvents, users } from '../../db/index.ts';
import { STAFF_ONLY_EVENT_TYPES } from './staffOnlyEvents.ts';

/** The latest change of a dossier, told to a writer whose revision is stale. */
export interface LastChange {
  type: string;
  transition: string | null;
  actorName: string | null;
  at: string;
}

/**
 * Who changed the dossier last and how, so a refused writer sees why ("Prendre en
 * charge, by Agent Martin, at 10:02") rather than a bare conflict (docs/SECURITY.md §9).
 *
 * @example
 * const lastChange = await lastChangeOf(tx, tenantId, dossierId);
 */
export async function lastChangeOf(
  db: AppDatabase,
  tenantId: string,
  dossierId: string,
  options: { staffView?: boolean } = {},
): Promise<LastChange | null> {
  // Transitions and drafts are refused to applicants too: what they are told must not
  // name the staff's own events (docs/SECURITY.md §41).
  const visible =
    options.staffView === true
      ? undefined
      : notInArray(dossierEvents.type, [...STAFF_ONLY_EVENT_TYPES]);
  const [row] = await db
    .select({
      type: dossierEvents.type,
      payload: dossierEvents.payload,
      at: dossierEvents.at,
      actorName: users.displayName,
    })
    .from(dossierEvents)
    .leftJoin(
      users,
      and(eq(users.tenantId, dossierEvents.tenantId), eq(users.id, dossierEvents.actorId)),
    )
    .where(
      and(eq(dossierEvents.tenantId, tenantId), eq(dossierEvents.dossierId, dossierId), visible),
    )
    .orderBy(desc(dossierEvents.seq))
    .limit(1);
  if (row === undefined) return null;
  const transition = row.payload['transition'];
  return {
    type: row.type,
    transition: typeof transition === 'string' ? transition : null,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}
