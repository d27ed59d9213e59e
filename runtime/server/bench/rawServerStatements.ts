import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { loadSessionActor } from '../auth/loadSessionActor.ts';
import {
  appendTransitionEvent,
  enqueueNotifyJob,
  lockDraft,
  type RawWorld,
  takeReference,
  writeSubmitted,
} from './rawStatements.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/**
 * Diagnostic, not the baseline: the 12 statements one HTTP submit sends today, in the
 * server's order, as bare postgres.js calls with no HTTP, tRPC, zod, drizzle or engine
 * around them. Between the raw baseline and this run is the cost of the server's extra
 * SQL (session lookup, idempotency key claimed and completed, unit lookup, audit row —
 * three of them while the reference counter is locked); between this run and the
 * server is the cost of its JavaScript.
 *
 * session lookup · begin · claim key · lock dossier · unit lookup · counter upsert ·
 * update dossier · insert event · insert job · insert audit · complete key · commit
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
      await tx`
        insert into idempotency_keys (tenant_id, scope, key, request_hash)
        values (${world.tenantId}, ${scope}, ${key}, ${key})
        on conflict do nothing returning key`;
      const row = await lockDraft(tx, world, draft);
      await tx`select code from units where tenant_id = ${world.tenantId} and code = 'ccas'`;
      const reference = await takeReference(tx, world, now.getUTCFullYear());
      await writeSubmitted(tx, world, { draft, row, reference, now });
      const eventSeq = await appendTransitionEvent(tx, world, { draft, reference, now });
      await enqueueNotifyJob(tx, world, { draft, reference, eventSeq });
      const details = { transition: 'deposer', from: 'brouillon', to: 'depose', revision: 2 };
      await tx`
        insert into audit_log (tenant_id, actor, action, object, at, request_id, details)
        values (${world.tenantId}, ${scope}, 'dossier.transition', ${`dossier:${draft.id}`},
                ${now}, ${key}, ${tx.json(details)})`;
      const response = { id: draft.id, reference, state: 'depose', revision: 2 };
      await tx`
        update idempotency_keys set response = ${tx.json(response)}, completed_at = ${now}
        where tenant_id = ${world.tenantId} and scope = ${scope} and key = ${key}`;
    });
  };
}
