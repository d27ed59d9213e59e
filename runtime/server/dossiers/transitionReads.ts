import {
  type AppTransaction,
  checkReferenceInput,
  formatReference,
  type NextReferenceInput,
  sqlExecutorFor,
} from '../../db/index.ts';

/**
 * ONE statement, run under the dossier's row lock: does the tenant have the unit the
 * transition routes to (`$2`, null when the unit does not change), the next reference
 * number (only when `$3`, the prefix, is given: `guichet_next_reference` is volatile, so
 * CASE calls it only then), and the seq of the dossier's last event. The seq is exact
 * because every writer of events holds the row lock, and this statement starts after
 * the lock was granted, so it sees what the previous holder committed.
 */
const SQL = `
select
  (select code from units where tenant_id = $1::uuid and code = $2::text) as unit,
  case when $3::text is null then null
       else guichet_next_reference($1::uuid, $3::text, $4::int)::text end as number,
  (select seq from dossier_events where tenant_id = $1::uuid and dossier_id = $5::uuid
   order by seq desc limit 1) as last_seq`;

export interface TransitionReadsInput {
  tenantId: string;
  dossierId: string;
  /** The unit code the engine routed to, when it differs from the dossier's. */
  unit: string | null;
  /** Given when the dossier leaves its draft now: it gets its reference. */
  numbering: Omit<NextReferenceInput, 'tenantId'> | null;
}

export interface TransitionReads {
  /** False only when `unit` was asked for and the tenant has no such unit. */
  unitKnown: boolean;
  /** The new reference, when `numbering` was given. */
  reference: string | null;
  /** The seq of the dossier's last event, 0 for none. */
  lastEventSeq: number;
}

/**
 * What a transition's writes need once the engine has decided, in one round trip.
 *
 * @example
 * const reads = await readForTransition(tx, {
 *   tenantId, dossierId, unit: 'ccas', numbering: { prefix: 'AIDE', year: 2026 },
 * });
 */
export async function readForTransition(
  tx: AppTransaction,
  input: TransitionReadsInput,
): Promise<TransitionReads> {
  const numbering = input.numbering;
  if (numbering !== null) checkReferenceInput({ tenantId: input.tenantId, ...numbering });
  const { rows } = await sqlExecutorFor(tx)(SQL, [
    input.tenantId,
    input.unit,
    numbering?.prefix ?? null,
    numbering?.year ?? null,
    input.dossierId,
  ]);
  const row = rows[0] as { unit: string | null; number: string | null; last_seq: unknown };
  return {
    unitKnown: input.unit === null || row.unit !== null,
    reference: numbering === null ? null : formatReference(numbering, row.number),
    lastEventSeq: Number(row.last_seq ?? 0),
  };
}
