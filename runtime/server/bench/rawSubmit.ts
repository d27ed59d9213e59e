import type { Sql } from 'postgres';
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
 * The baseline of docs/CONTRIBUTING.md, « Benchmarks »: the writes of a submit as bare SQL on postgres.js, in ONE
 * transaction, and nothing else — no HTTP, no session lookup, no engine, no ORM:
 * lock the dossier, take the reference from the tenant's sequence as the server does
 * (before the update, which stores it), update the dossier, insert the event, insert
 * the outbox job, commit; one statement after the other.
 * Not included, because the bar is "the same inserts", not the same safety: the
 * idempotency key, the unit lookup and the audit row (see `rawServerStatements`).
 *
 * @example
 * const submit = rawSubmit(sql, world);
 * await submit(draft);
 */
export function rawSubmit(sql: Sql, world: RawWorld): (draft: BenchDraft) => Promise<void> {
  return async (draft) => {
    await sql.begin(async (tx) => {
      const now = new Date();
      const row = await lockDraft(tx, world, draft);
      const reference = await takeReference(tx, world, now.getUTCFullYear());
      await writeSubmitted(tx, world, { draft, row, reference, now });
      const eventSeq = await appendTransitionEvent(tx, world, { draft, reference, now });
      await enqueueNotifyJob(tx, world, { draft, reference, eventSeq });
    });
  };
}
