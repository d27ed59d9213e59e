import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';
import { verifyAuditChain } from './verifyAuditChain.ts';
import { verifyEventChain } from './verifyEventChain.ts';
import type { ChainVerdict } from './walkChain.ts';

/** One broken chain: whose, where, and what was expected there. */
export type ChainBreak = Extract<ChainVerdict, { ok: false }> & {
  tenantId: string;
  /** The dossier whose event chain broke; null for the tenant's audit chain. */
  dossierId: string | null;
};

export interface ChainsReport {
  tenants: number;
  dossiers: number;
  breaks: ChainBreak[];
  /** Audit rows not chained yet, per tenant (only tenants that have some). */
  unsealed: Array<{ tenantId: string; rows: number }>;
}

/**
 * Verifies every dossier's event chain and every tenant's audit chain, and lists where
 * each broken one breaks first. One query per chain: a command for operators, not a
 * request path.
 *
 * @example
 * const report = await verifyChains(database.db);
 * for (const b of report.breaks) console.log(b.tenantId, b.dossierId ?? 'audit', b.seq);
 */
export async function verifyChains(db: AppDatabase): Promise<ChainsReport> {
  const run = sqlExecutorFor(db);
  const { rows: tenantRows } = await run('select id from tenants order by id', []);
  const report: ChainsReport = {
    tenants: tenantRows.length,
    dossiers: 0,
    breaks: [],
    unsealed: [],
  };
  for (const { id: tenantId } of tenantRows as Array<{ id: string }>) {
    const { rows: dossierRows } = await run(
      'select distinct dossier_id from dossier_events where tenant_id = $1 order by dossier_id',
      [tenantId],
    );
    for (const { dossier_id: dossierId } of dossierRows as Array<{ dossier_id: string }>) {
      report.dossiers += 1;
      const verdict = await verifyEventChain(db, { tenantId, dossierId });
      if (!verdict.ok) report.breaks.push({ ...verdict, tenantId, dossierId });
    }
    const { unsealed, ...audit } = await verifyAuditChain(db, { tenantId });
    if (!audit.ok) report.breaks.push({ ...audit, tenantId, dossierId: null });
    if (unsealed > 0) report.unsealed.push({ tenantId, rows: unsealed });
  }
  return report;
}
