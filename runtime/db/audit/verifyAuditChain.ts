import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';
import { type ChainLink, type ChainVerdict, walkChain } from './walkChain.ts';

export type AuditChainVerdict = ChainVerdict & {
  /** Audit rows not chained yet: waiting for the sealer, or written with its trigger off. */
  unsealed: number;
};

/**
 * Recomputes a tenant's audit hash chain (`audit_seals`, see `schema/logs.ts`) against
 * the audit rows it covers, and counts the rows not chained yet. A row changed, removed
 * or a seal rewritten behind the application's back breaks the chain at its seq.
 *
 * @example
 * const verdict = await verifyAuditChain(db, { tenantId });
 * if (!verdict.ok) console.log(`audit chain broken at ${verdict.seq}`);
 */
export async function verifyAuditChain(
  db: AppDatabase,
  target: { tenantId: string },
): Promise<AuditChainVerdict> {
  const run = sqlExecutorFor(db);
  const { rows } = await run(
    `select s.seq, s.prev_hash, s.hash,
            case when a.id is null then null else guichet_audit_hash(s.prev_hash, s.seq, a) end as expected
       from audit_seals s
       left join audit_log a on a.tenant_id = s.tenant_id and a.id = s.audit_id
      where s.tenant_id = $1 order by s.seq`,
    [target.tenantId],
  );
  const { rows: counted } = await run(
    `select count(*)::int as unsealed from audit_log a where a.tenant_id = $1
        and not exists (select 1 from audit_seals s where s.tenant_id = a.tenant_id and s.audit_id = a.id)`,
    [target.tenantId],
  );
  const unsealed = (counted[0] as { unsealed: number } | undefined)?.unsealed ?? 0;
  return { ...walkChain(rows as ChainLink[]), unsealed };
}
