import type { ExecuteSql } from '../../db/index.ts';

interface DraftPlan {
  tenantId: string;
  demarcheId: string;
  version: number;
  /** Each applicant gets `perApplicant` drafts. */
  applicantIds: string[];
  perApplicant: number;
}

/** A draft ready to submit: complete, valid form data saved once (revision 1). */
export interface BenchDraft {
  id: string;
  applicantId: string;
  revision: number;
}

/**
 * Writes the drafts the submits will work on in two set-based statements, so the run
 * measures the submit alone: what `dossiers.create` then one `dossiers.saveDraft` of a
 * complete `socialAidDefinition` form leave behind (state `brouillon`, revision 1, a
 * `created` event starting the hash chain). Names vary so the search document and the
 * GIN indexes see distinct values, as with real applicants. Returns the drafts grouped
 * by applicant, in the order of `applicantIds`.
 *
 * @example
 * const drafts = await seedBenchDrafts(database.executeSql, { tenantId, ..., perApplicant: 200 });
 */
export async function seedBenchDrafts(
  executeSql: ExecuteSql,
  plan: DraftPlan,
): Promise<BenchDraft[][]> {
  const { rows } = await executeSql(
    `insert into dossiers (tenant_id, demarche_id, version, applicant_id, state, revision, data,
                           priority, created_at, entered_state_at, updated_at)
     select $1, $2, $3, ($4::uuid[])[1 + (g % cardinality($4::uuid[]))], 'brouillon', 1,
            jsonb_build_object(
              'nom', 'Martin-' || g, 'prenom', 'Claire', 'email', 'claire.' || g || '@example.fr',
              'revenuMensuel', 600 + g % 900, 'situation', 'seul'),
            1, now(), now(), now()
     from generate_series(0, $5::int - 1) g
     returning id, applicant_id`,
    [
      plan.tenantId,
      plan.demarcheId,
      plan.version,
      plan.applicantIds,
      plan.applicantIds.length * plan.perApplicant,
    ],
  );
  const created = rows as Array<{ id: string; applicant_id: string }>;
  await executeSql(
    `insert into dossier_events (tenant_id, dossier_id, type, actor_id, at, payload)
     select $1, d.id, 'created', d.applicant_id, now(),
            jsonb_build_object('demarche', 'aide-sociale', 'version', $3::int, 'state', 'brouillon')
     from unnest($2::uuid[], $4::uuid[]) as d(id, applicant_id)`,
    [
      plan.tenantId,
      created.map((row) => row.id),
      plan.version,
      created.map((row) => row.applicant_id),
    ],
  );
  const byApplicant = new Map<string, BenchDraft[]>(plan.applicantIds.map((id) => [id, []]));
  for (const row of created) {
    byApplicant.get(row.applicant_id)!.push({
      id: row.id,
      applicantId: row.applicant_id,
      revision: 1,
    });
  }
  return plan.applicantIds.map((id) => byApplicant.get(id)!);
}
