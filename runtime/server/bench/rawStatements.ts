import type { TransactionSql } from 'postgres';
import { EFFECT_QUEUES, effectIdOf, effectKeyOf, PGBOSS_SCHEMA } from '../effects/index.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/**
 * The writes of a submit as hand-written postgres.js statements, shared by the raw
 * baseline and the diagnostic run that replays the server's whole statement list. Each
 * mirrors what the server sends for the social-aid `deposer` transition.
 */

export interface RawWorld {
  tenantId: string;
  demarcheId: string;
  version: number;
}

type Row = Record<string, unknown>;

/** `select … for update` of the draft; throws unless it is still `brouillon`. */
export async function lockDraft(
  tx: TransactionSql,
  world: RawWorld,
  draft: BenchDraft,
): Promise<Row> {
  const [row] = await tx`
    select * from dossiers where tenant_id = ${world.tenantId} and id = ${draft.id} for update`;
  if (row === undefined || row['state'] !== 'brouillon') {
    throw new Error(`raw submit ${draft.id}: not a draft`);
  }
  return row;
}

/**
 * `nextReference`: the next value of the (tenant, prefix, year) sequence, created on
 * first use by `guichet_next_reference` (migration 0002). No lock held until commit.
 */
export async function takeReference(
  tx: TransactionSql,
  world: RawWorld,
  year: number,
): Promise<string> {
  const [taken] = await tx`
    select guichet_next_reference(${world.tenantId}::uuid, 'AIDE'::text, ${year}::int)::text as value`;
  return `AIDE-${year}-${String(taken!['value']).padStart(6, '0')}`;
}

/** The new snapshot: state, revision, reference, unit, dates (as `snapshotColumns`). */
export async function writeSubmitted(
  tx: TransactionSql,
  world: RawWorld,
  change: { draft: BenchDraft; row: Row; reference: string; now: Date },
): Promise<void> {
  const { draft, row, reference, now } = change;
  const dueAt = new Date(now.getTime() + 5 * 86_400_000);
  await tx`
    update dossiers set state = 'depose', revision = ${Number(row['revision']) + 1},
      reference = ${reference}, unit_code = 'ccas',
      submitted_at = ${now}, entered_state_at = ${now}, due_at = ${dueAt}, updated_at = ${now}
    where tenant_id = ${world.tenantId} and id = ${draft.id}`;
}

/** The `transition` event; the hash-chain trigger numbers and hashes it. Returns its seq. */
export async function appendTransitionEvent(
  tx: TransactionSql,
  world: RawWorld,
  change: { draft: BenchDraft; reference: string; now: Date },
): Promise<number> {
  const payload = {
    transition: 'deposer',
    from: 'brouillon',
    to: 'depose',
    input: {},
    changes: { unit: { before: null, after: 'ccas' } },
    reference: change.reference,
  };
  const [event] = await tx`
    insert into dossier_events (tenant_id, dossier_id, type, actor_id, at, payload, request_id)
    values (${world.tenantId}, ${change.draft.id}, 'transition', ${change.draft.applicantId},
            ${change.now}, ${tx.json(payload)}, ${`raw-${change.draft.id}`})
    returning seq`;
  return Number(event!['seq']);
}

/**
 * The `accuse-reception` notify job, with the columns pg-boss 10's insert writes and the
 * queue's defaults read from its queue row, as pg-boss does (its insert joins the queue).
 */
export async function enqueueNotifyJob(
  tx: TransactionSql,
  world: RawWorld,
  change: { draft: BenchDraft; reference: string; eventSeq: number },
): Promise<void> {
  const effectKey = effectKeyOf(change.draft.id, change.eventSeq, 1);
  const data = {
    effectKey,
    tenantId: world.tenantId,
    dossierId: change.draft.id,
    reference: change.reference,
    eventSeq: String(change.eventSeq),
    demarcheId: world.demarcheId,
    version: world.version,
    transition: 'deposer',
    effect: { type: 'notify', template: 'accuse-reception', to: { kind: 'applicant' } },
    input: {},
  };
  await tx`
    insert into ${tx(PGBOSS_SCHEMA)}.job (id, name, data, priority, start_after, singleton_key,
      singleton_on, dead_letter, expire_in, keep_until, retry_limit, retry_delay, retry_backoff,
      policy)
    select ${effectIdOf(world.tenantId, effectKey)}::uuid, q.name, ${tx.json(data)}, 0, now(),
      ${effectKey}, null, q.dead_letter, q.expire_seconds * interval '1s',
      now() + coalesce(q.retention_minutes * interval '1 minute', interval '14 days'),
      q.retry_limit, greatest(q.retry_delay, 1), q.retry_backoff, q.policy
    from ${tx(PGBOSS_SCHEMA)}.queue q where q.name = ${EFFECT_QUEUES.notify}
    on conflict do nothing`;
}
