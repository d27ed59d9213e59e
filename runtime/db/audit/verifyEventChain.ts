import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; seq: number; problem: 'hash' | 'link' | 'gap' };

interface ChainRow {
  seq: number;
  prev_hash: string | null;
  hash: string;
  expected: string;
}

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
  let previous: string | null = null;
  let position = 0;
  for (const row of rows as ChainRow[]) {
    position += 1;
    if (row.seq !== position) return { ok: false, seq: row.seq, problem: 'gap' };
    if (row.prev_hash !== previous) return { ok: false, seq: row.seq, problem: 'link' };
    if (row.hash !== row.expected) return { ok: false, seq: row.seq, problem: 'hash' };
    previous = row.hash;
  }
  return { ok: true, events: position };
}
