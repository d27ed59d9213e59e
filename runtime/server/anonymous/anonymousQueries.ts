import { and, eq } from 'drizzle-orm';
import { type AppDatabase, anonymousDossiers, dossiers, tenants } from '../../db/index.ts';

/** SQL of the anonymous feature; every query but the tenant's is confined to one tenant. */

export async function tenantIdBySlug(db: AppDatabase, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  return row?.id ?? null;
}

export interface HeldDossier {
  dossierId: string;
  demarcheId: string;
  reference: string | null;
  submitted: boolean;
  /** A tracking code was given (only its hash is kept). */
  hasCode: boolean;
}

/** The dossier an anonymous applicant holds (there is exactly one), or null. */
export async function heldDossier(
  db: AppDatabase,
  holder: { tenantId: string; userId: string },
): Promise<HeldDossier | null> {
  const [row] = await db
    .select({
      dossierId: dossiers.id,
      demarcheId: dossiers.demarcheId,
      reference: dossiers.reference,
      submittedAt: dossiers.submittedAt,
      codeHash: anonymousDossiers.codeHash,
    })
    .from(anonymousDossiers)
    .innerJoin(
      dossiers,
      and(
        eq(dossiers.tenantId, anonymousDossiers.tenantId),
        eq(dossiers.id, anonymousDossiers.dossierId),
      ),
    )
    .where(
      and(
        eq(anonymousDossiers.tenantId, holder.tenantId),
        eq(anonymousDossiers.applicantId, holder.userId),
      ),
    );
  if (row === undefined) return null;
  return {
    dossierId: row.dossierId,
    demarcheId: row.demarcheId,
    reference: row.reference,
    submitted: row.submittedAt !== null,
    hasCode: row.codeHash !== null,
  };
}
