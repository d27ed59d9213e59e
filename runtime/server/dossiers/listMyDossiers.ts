import { and, desc, eq } from 'drizzle-orm';
import type { StateKind } from '../../../shared/definition/types.ts';
import { dossiers } from '../../db/index.ts';
import type { DossierContext } from './dossierContext.ts';
import { loadPublishedVersion } from './publishedDefinition.ts';

/** One line of a citizen's "my dossiers" page. */
export interface MyDossier {
  id: string;
  reference: string | null;
  demarche: { slug: string; title: string };
  state: { id: string; label: string; kind: StateKind | null };
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
}

/** A citizen with more dossiers than this sees the newest; paging can come later. */
export const MY_DOSSIERS_LIMIT = 200;

/**
 * The calling user's own dossiers, newest first (index `dossiers_applicant_idx`).
 * Labels come from each dossier's own published version, cached per process.
 *
 * @example
 * const mine = await listMyDossiers(context);
 */
export async function listMyDossiers(context: DossierContext): Promise<MyDossier[]> {
  const { tenantId, userId } = context.session;
  const rows = await context.db
    .select({
      id: dossiers.id,
      reference: dossiers.reference,
      demarcheId: dossiers.demarcheId,
      version: dossiers.version,
      state: dossiers.state,
      createdAt: dossiers.createdAt,
      submittedAt: dossiers.submittedAt,
      updatedAt: dossiers.updatedAt,
    })
    .from(dossiers)
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.applicantId, userId)))
    .orderBy(desc(dossiers.createdAt), desc(dossiers.id))
    .limit(MY_DOSSIERS_LIMIT);
  const result: MyDossier[] = [];
  for (const row of rows) {
    const published = await loadPublishedVersion(context.db, tenantId, row.demarcheId, row.version);
    const state = published?.definition.workflow.states.find((s) => s.id === row.state);
    result.push({
      id: row.id,
      reference: row.reference,
      demarche: { slug: published?.slug ?? '', title: published?.title ?? '' },
      state: { id: row.state, label: state?.label ?? row.state, kind: state?.kind ?? null },
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return result;
}
