import postgres from 'postgres';
import { PGBOSS_SCHEMA } from '../effects/index.ts';

/** What the database holds after a fault, against what the clients were told. */
export interface StoredCheck {
  /** Acknowledged submits found submitted (state `depose`, a reference). */
  stored: number;
  /** Acknowledged submits not found submitted. */
  lost: number;
  /** Submitted dossiers with more than one `deposer` event. */
  duplicated: number;
  /** Submitted dossiers without their event or their notify job, or drafts with an event. */
  halfWritten: number;
  /** Every dossier in `depose`, acknowledged or not (a commit whose answer was lost). */
  submitted: number;
}

/**
 * Checks by SQL, on a connection of its own, that every acknowledged submit is stored
 * exactly once with its event and its outbox job, and that no transaction was half
 * applied anywhere in the database (acknowledged or not).
 *
 * @example
 * const check = await checkStored(scratch.url, outcome.acknowledged);
 */
export async function checkStored(url: string, acknowledged: Set<string>): Promise<StoredCheck> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const ids = [...acknowledged];
    const [found] = await sql<[{ stored: number }]>`
      select count(*)::int as stored from dossiers
      where id = any(${ids}::uuid[]) and state = 'depose' and reference is not null`;
    const [events] = await sql<[{ duplicated: number; missing: number; stray: number }]>`
      with per_dossier as (
        select d.id, d.state, count(e.id) as events
        from dossiers d left join dossier_events e
          on e.dossier_id = d.id and e.type = 'transition'
        group by d.id, d.state)
      select count(*) filter (where state = 'depose' and events > 1)::int as duplicated,
             count(*) filter (where state = 'depose' and events = 0)::int as missing,
             count(*) filter (where state = 'brouillon' and events > 0)::int as stray
      from per_dossier`;
    const [jobs] = await sql.unsafe<[{ without_job: number; submitted: number }]>(`
      with notify_jobs as (
        select data->>'dossierId' as dossier_id from ${PGBOSS_SCHEMA}.job
        where name = 'effect-notify'
        union all
        select data->>'dossierId' from ${PGBOSS_SCHEMA}.archive where name = 'effect-notify')
      select count(*) filter (where not exists (
               select 1 from notify_jobs j where j.dossier_id = d.id::text))::int as without_job,
             count(*)::int as submitted
      from dossiers d where d.state = 'depose'`);
    return {
      stored: found!.stored,
      lost: ids.length - found!.stored,
      duplicated: events!.duplicated,
      halfWritten: events!.missing + events!.stray + jobs!.without_job,
      submitted: jobs!.submitted,
    };
  } finally {
    await sql.end();
  }
}
