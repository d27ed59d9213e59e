import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';
import { type ChainLink, type ChainVerdict, walkChain } from './walkChain.ts';

/**
 * Recomputes a dossier's event hash chain (see `schema/logs.ts`): every hash must match
 * the event's content, every `prev_hash` the previous event's hash, and `seq` must count
 * 1, 2, 3… Catches an edit or removal made behind the application's back (a DBA with
 * triggers disabled, a restored dump).
 *
 * @example
 * const verdict = await verifyEventChain(db, { tenantId, dossierId });
 * if (!verdict.ok) alert(`chain broken at event ${verdict.seq}`);
 */
export async function verifyEventChain(
  db: AppDatabase,
  target: { tenantId: string; dossierId: string },
): Promise<ChainVerdict> {
  const { rows } = await sqlExecutorFor(db)(
    `select seq, prev_hash, hash, guichet_dossier_event_hash(prev_hash, e) as expected
       from dossier_events e where tenant_id = $1 and dossier_id = $2 order by seq`,
    [target.tenantId, target.dossierId],
  );
  return walkChain(rows as ChainLink[]);
}
