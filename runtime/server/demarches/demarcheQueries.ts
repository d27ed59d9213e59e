import { asc, eq, sql } from 'drizzle-orm';
import { demarches, demarcheVersions, type StoredDefinition } from '../../db/schema/demarches.ts';
import { units } from '../../db/schema/tenants.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { lockUntilCommit } from '../core/lockUntilCommit.ts';
import { latestVersionOf } from './latestVersionOf.ts';

/**
 * SQL on `demarches`, every statement confined to the scope's tenant. Services call
 * these inside their transaction; nothing here decides anything.
 */

export type DemarcheRow = typeof demarches.$inferSelect;

/** Row of the staff list: the démarche plus its latest version, if any. */
export interface DemarcheListRow {
  id: string;
  slug: string;
  title: string;
  ownerUnitId: string | null;
  draftRevision: number;
  updatedAt: Date;
  latestVersion: number | null;
  latestPublishedAt: string | null;
  /** Null when never published; jsonb equality, so key order does not matter. */
  draftMatchesLatest: boolean | null;
}

export async function insertDemarche(
  db: AppDatabase,
  scope: TenantScope,
  row: { slug: string; title: string; ownerUnitId: string | null; draft: StoredDefinition },
): Promise<DemarcheRow> {
  const [inserted] = await db.insert(demarches).values(scope.values(row)).returning();
  return inserted!;
}

export async function findUnitIdByCode(
  db: AppDatabase,
  scope: TenantScope,
  code: string,
): Promise<string | undefined> {
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(scope.where(units, eq(units.code, code)));
  return unit?.id;
}

export async function findDemarche(
  db: AppDatabase,
  scope: TenantScope,
  id: string,
): Promise<DemarcheRow | undefined> {
  const [row] = await db
    .select()
    .from(demarches)
    .where(scope.where(demarches, eq(demarches.id, id)));
  return row;
}

/**
 * Serialises the publishes of one démarche until the transaction ends, saves of its draft
 * going on: the second then reads the version the first wrote, so a double click or two
 * tabs get ALREADY_PUBLISHED (or the next number, for another draft) as one after the
 * other, not a lost race on the version's key.
 */
export async function takePublishTurn(
  db: AppDatabase,
  scope: TenantScope,
  id: string,
): Promise<void> {
  await lockUntilCommit(db, `guichet.publish:${scope.tenantId}:${id}`);
}

/**
 * The démarche row, locked until the transaction ends. `update` (the default), to change
 * or delete it: a concurrent save, publish or delete waits, then sees what this one did.
 * `key share`, only to keep it from being deleted meanwhile (publish): saves go on.
 */
export async function lockDemarche(
  db: AppDatabase,
  scope: TenantScope,
  target: { id: string; mode?: 'update' | 'key share' },
): Promise<DemarcheRow | undefined> {
  const [row] = await db
    .select()
    .from(demarches)
    .where(scope.where(demarches, eq(demarches.id, target.id)))
    .for(target.mode ?? 'update');
  return row;
}

/**
 * Deletes a démarche and its draft. Only for one that was never published: the foreign
 * key of `demarche_versions` refuses the delete otherwise, and the caller checks first.
 */
export async function deleteDemarche(
  db: AppDatabase,
  scope: TenantScope,
  id: string,
): Promise<void> {
  await db.delete(demarches).where(scope.where(demarches, eq(demarches.id, id)));
}

export async function listDemarcheRows(
  db: AppDatabase,
  scope: TenantScope,
): Promise<DemarcheListRow[]> {
  const latest = latestVersionOf(db, scope, {
    version: demarcheVersions.version,
    publishedAt: demarcheVersions.publishedAt,
    definition: demarcheVersions.definition,
  });
  return db
    .select({
      id: demarches.id,
      slug: demarches.slug,
      title: demarches.title,
      ownerUnitId: demarches.ownerUnitId,
      draftRevision: demarches.draftRevision,
      updatedAt: demarches.updatedAt,
      latestVersion: latest.version,
      // A lateral subquery's columns lose drizzle's Date mapping; JSON gives ISO 8601 text
      // with an offset whatever the session's DateStyle.
      latestPublishedAt: sql<string | null>`to_json(${latest.publishedAt}) #>> '{}'`,
      draftMatchesLatest: sql<boolean | null>`${latest.definition} = ${demarches.draft}`,
    })
    .from(demarches)
    .leftJoinLateral(latest, sql`true`)
    .where(scope.where(demarches))
    .orderBy(asc(demarches.title), asc(demarches.slug));
}

/**
 * Writes the draft only if its revision is still `revision` (optimistic concurrency);
 * returns the new revision, or undefined when the row is missing or was saved since.
 */
export async function updateDraftIfRevision(
  db: AppDatabase,
  scope: TenantScope,
  change: { id: string; revision: number; draft: StoredDefinition; now: Date },
): Promise<{ slug: string; draftRevision: number; updatedAt: Date } | undefined> {
  const [row] = await db
    .update(demarches)
    .set({
      draft: change.draft,
      draftRevision: sql`${demarches.draftRevision} + 1`,
      updatedAt: change.now,
    })
    .where(
      scope.where(
        demarches,
        eq(demarches.id, change.id),
        eq(demarches.draftRevision, change.revision),
      ),
    )
    .returning({
      slug: demarches.slug,
      draftRevision: demarches.draftRevision,
      updatedAt: demarches.updatedAt,
    });
  return row;
}

/** Keeps the catalogue title in step with the version just published. */
export async function setDemarcheTitle(
  db: AppDatabase,
  scope: TenantScope,
  change: { id: string; title: string },
): Promise<void> {
  await db
    .update(demarches)
    .set({ title: change.title })
    .where(scope.where(demarches, eq(demarches.id, change.id)));
}

export async function demarcheExists(
  db: AppDatabase,
  scope: TenantScope,
  id: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(scope.where(demarches, eq(demarches.id, id)));
  return row !== undefined;
}
