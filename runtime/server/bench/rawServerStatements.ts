import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { loadSessionActor } from '../auth/loadSessionActor.ts';
import {
  appendTransitionEvent,
  enqueueNotifyJob,
  lockDraft,
  nextEventSeq,
  type RawWorld,
  takeReference,
  writeSubmitted,
} from './rawStatements.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/**
 * Diagnostic, not the baseline: the 13 statements one HTTP submit sends, in the server's
 * order and batches, as bare postgres.js calls with no HTTP, tRPC, zod, drizzle or engine
 * around them. Between the raw baseline and this run is the cost of the server's extra
 * SQL (session lookup, idempotency key claimed and completed, unit lookup, event seq,
 * audit row); between this run and the server is the cost of its JavaScript.
 *
 * session lookup · begin · [claim key, lock dossier] · [unit lookup, reference, event
 * seq] · [update dossier, insert event, insert job, insert audit, complete key] · commit
 * (brackets: sent together, pipelined on the transaction's connection)
 *
 * @example
 * const submit = rawServerStatements(sql, world, session.sessionId);
 * await submit(draft);
 */
export function rawServerStatements(
  sql: Sql,
  world: RawWorld,
  sessionId: string,
): (draft: BenchDraft) => Promise<void> {
  // Prepared unless the pool says otherwise (postgres.js: `prepare: false` wins).
  const executeSql = async (text: string, values?: readonly unknown[]) => ({
    rows: Array.from(await sql.unsafe(text, (values ?? []) as never[], { prepare: true })),
  });
  return async (draft) => {
    const now = new Date();
    if ((await loadSessionActor(executeSql, sessionId, now)) === null) {
      throw new Error('raw submit: session not found');
    }
    const scope = `user:${draft.applicantId}`;
    const key = randomUUID();
    await sql.begin(async (tx) => {
      const [, row] = await Promise.all([
        tx`
          insert into idempotency_keys (tenant_id, scope, key, request_hash)
          values (${world.tenantId}, ${scope}, ${key}, ${key})
          on conflict do nothing returning key`,
        lockDraft(tx, world, draft),
      ]);
      const [, reference, eventSeq] = await Promise.all([
        tx`select code from units where tenant_id = ${world.tenantId} and code = 'ccas'`,
        takeReference(tx, world, now.getUTCFullYear()),
        nextEventSeq(tx, world, draft),
      ]);
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
    });
  };
}
