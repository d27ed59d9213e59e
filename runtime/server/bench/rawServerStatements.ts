import { randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import {
  appendTransitionEvent,
  enqueueNotifyJob,
  lockDraft,
  type RawWorld,
  writeSubmitted,
} from './rawStatements.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/**
 * Diagnostic, not the baseline: the statements one HTTP submit sends, in the server's
 * order and batches, as bare postgres.js calls with no HTTP, tRPC, zod, drizzle or engine
 * around them. Between the raw baseline and this run is the cost of the server's extra
 * SQL (idempotency key claimed and completed, event seq, audit row); between this run
 * and the server is the cost of its JavaScript.
 *
 * [begin, claim key, lock dossier, last event seq, draw the reference] · [update dossier,
 * insert event, insert job, insert audit, complete key] · commit (brackets: sent
 * together, pipelined on the transaction's connection). Not sent: the session lookup
 * and the unit check, which the server answers from its caches (`sessionCache.ts`,
 * `unitCatalog.ts`) all but once per session and five seconds, per tenant and minute.
 *
 * @example
 * const submit = rawServerStatements(sql, world);
 * await submit(draft);
 */
export function rawServerStatements(
  sql: Sql,
  world: RawWorld,
): (draft: BenchDraft) => Promise<void> {
  return async (draft) => {
    const now = new Date();
    const scope = `user:${draft.applicantId}`;
    const key = randomUUID();
    const reserved = await sql.reserve();
    try {
      const tx = reserved as unknown as TransactionSql;
      const year = now.getUTCFullYear();
      const [, , row, [last], [drawn]] = await Promise.all([
        reserved`begin`.execute(),
        tx`
          insert into idempotency_keys (tenant_id, scope, key, request_hash)
          values (${world.tenantId}, ${scope}, ${key}, ${key})
          on conflict do nothing returning key`,
        lockDraft(tx, world, draft),
        tx`
          select seq from dossier_events where tenant_id = ${world.tenantId}
          and dossier_id = ${draft.id} order by seq desc limit 1`,
        tx`
          select v.reference_prefix,
                 guichet_next_reference(d.tenant_id, v.reference_prefix, ${year}::int)::text as number
          from dossiers d join demarche_versions v
            on v.tenant_id = d.tenant_id and v.demarche_id = d.demarche_id and v.version = d.version
          where d.tenant_id = ${world.tenantId} and d.id = ${draft.id}
            and d.applicant_id = ${draft.applicantId} and d.reference is null`,
      ]);
      const reference = `AIDE-${year}-${String(drawn!['number']).padStart(6, '0')}`;
      const eventSeq = Number(last?.['seq'] ?? 0) + 1;
      const details = { transition: 'deposer', from: 'brouillon', to: 'depose', revision: 2 };
      const response = { id: draft.id, reference, state: 'depose', revision: 2 };
      await Promise.all([
        writeSubmitted(tx, world, { draft, row, reference, now }),
        appendTransitionEvent(tx, world, { draft, reference, now }),
        enqueueNotifyJob(tx, world, { draft, reference, eventSeq }),
        tx`
          insert into audit_log (tenant_id, actor, action, object, at, request_id, details)
          values (${world.tenantId}, ${scope}, 'dossier.transition', ${`dossier:${draft.id}`},
                  ${now}, ${key}, ${tx.json(details)})`,
        tx`
          update idempotency_keys set response = ${tx.json(response)}, completed_at = ${now}
          where tenant_id = ${world.tenantId} and scope = ${scope} and key = ${key}`,
      ]);
      await reserved`commit`;
    } catch (error) {
      await reserved`rollback`.catch(() => {});
      throw error;
    } finally {
      reserved.release();
    }
  };
}
