import { and, eq, sql } from 'drizzle-orm';
import type { StaffFiling } from '../../../shared/definition/index.ts';
import {
  type AppDatabase,
  anonymousDossiers,
  counterDossiers,
  demarches,
  demarcheVersions,
  dossiers,
  users,
} from '../../db/index.ts';

/**
 * The counter dossier `dossierId` that `agentId` opened and that is still a draft
 * (not numbered yet), or null.
 */
export async function counterDraft(
  db: AppDatabase,
  tenantId: string,
  agentId: string,
  dossierId: string,
): Promise<{ applicantId: string; tracked: boolean } | null> {
  const [row] = await db
    .select({
      applicantId: counterDossiers.applicantId,
      tracked: sql<boolean>`${anonymousDossiers.dossierId} is not null`,
    })
    .from(counterDossiers)
    .innerJoin(
      dossiers,
      and(
        eq(dossiers.tenantId, counterDossiers.tenantId),
        eq(dossiers.id, counterDossiers.dossierId),
      ),
    )
    .leftJoin(
      anonymousDossiers,
      and(
        eq(anonymousDossiers.tenantId, counterDossiers.tenantId),
        eq(anonymousDossiers.dossierId, counterDossiers.dossierId),
      ),
    )
    .where(
      and(
        eq(counterDossiers.tenantId, tenantId),
        eq(counterDossiers.dossierId, dossierId),
        eq(counterDossiers.agentId, agentId),
      ),
    );
  return row ?? null;
}

export interface StaffFilable {
  slug: string;
  title: string;
  staff: StaffFiling;
}

/**
 * Démarches of the tenant whose latest published version has `access.staff`: what the
 * back office may offer to open (the caller's roles are checked by the service).
 */
export async function staffFilableDemarches(
  db: AppDatabase,
  tenantId: string,
): Promise<StaffFilable[]> {
  const rows = await db
    .selectDistinctOn([demarcheVersions.demarcheId], {
      slug: demarches.slug,
      title: sql<unknown>`${demarcheVersions.definition} #> '{meta,title}'`,
      staff: sql<unknown>`${demarcheVersions.definition} #> '{access,staff}'`,
    })
    .from(demarcheVersions)
    .innerJoin(
      demarches,
      and(
        eq(demarches.tenantId, demarcheVersions.tenantId),
        eq(demarches.id, demarcheVersions.demarcheId),
      ),
    )
    .where(eq(demarcheVersions.tenantId, tenantId))
    .orderBy(demarcheVersions.demarcheId, sql`${demarcheVersions.version} desc`);
  return rows
    .filter((row) => typeof row.staff === 'object' && row.staff !== null)
    .map((row) => ({
      slug: row.slug,
      title: typeof row.title === 'string' ? row.title : row.slug,
      staff: row.staff as StaffFiling,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** Whether `userId` is the applicant of dossier `dossierId`. */
export async function isApplicant(
  db: AppDatabase,
  tenantId: string,
  userId: string,
  dossierId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.tenantId, tenantId),
        eq(dossiers.id, dossierId),
        eq(dossiers.applicantId, userId),
      ),
    );
  return row !== undefined;
}

/** The name an account is shown under. */
export async function displayNameOf(
  db: AppDatabase,
  tenantId: string,
  userId: string,
): Promise<string> {
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row?.name ?? '';
}
