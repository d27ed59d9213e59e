import { type AppTransaction, formatReference, sqlExecutorFor } from '../../db/index.ts';

/**
 * The next number of the draft's démarche, drawn only while the dossier has no reference
 * and belongs to `applicantId` (the one who may submit it). The prefix comes from the
 * version's `reference_prefix` column, so this needs no definition read first and can
 * travel with the row lock. A number drawn for a submit that is then refused (invalid
 * form, stale revision) stays unused: references may have gaps, never duplicates.
 */
const SQL = `
select v.reference_prefix as prefix,
       guichet_next_reference(d.tenant_id, v.reference_prefix, $4::int)::text as number
from dossiers d
join demarche_versions v
  on v.tenant_id = d.tenant_id and v.demarche_id = d.demarche_id and v.version = d.version
where d.tenant_id = $1::uuid and d.id = $2::uuid and d.applicant_id = $3::uuid
  and d.reference is null`;

export interface DraftReferenceInput {
  tenantId: string;
  dossierId: string;
  applicantId: string;
  /** The year of the submission, in Paris. */
  year: number;
}

/**
 * `AIDE-2026-000123` for the draft leaving its draft state now, or null when it is not
 * such a draft of the caller (already numbered, someone else's, unknown).
 *
 * @example
 * const reference = await drawDraftReference(tx, { tenantId, dossierId, applicantId, year: 2026 });
 */
export async function drawDraftReference(
  tx: AppTransaction,
  input: DraftReferenceInput,
): Promise<string | null> {
  const { rows } = await sqlExecutorFor(tx)(SQL, [
    input.tenantId,
    input.dossierId,
    input.applicantId,
    input.year,
  ]);
  const row = rows[0] as { prefix: string; number: string } | undefined;
  return row === undefined
    ? null
    : formatReference({ prefix: row.prefix, year: input.year }, row.number);
}
