import type { ExecuteSql } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { TOUCH_INTERVAL_S } from './sessionPolicy.ts';

/**
 * One statement, run on every request:
 * - `live`: the session if not revoked, not past `expires_at`, not idle past
 *   `last_seen_at + idle_timeout_s`, and its user not disabled;
 * - `granted`: the staff memberships (citizens hold none, whatever a bug inserted);
 * - `covered`: the units of those memberships and all their descendants (recursive), or
 *   every unit of the tenant when a membership has no unit;
 * - `touched`: moves `last_seen_at` only when it is older than the touch interval, so a
 *   busy session does not write on every request (a data-modifying CTE always runs);
 * - `endsAtMs`: when the session ends if no request comes (absolute or idle end, the
 *   latter from `last_seen_at` before the touch: never later than the truth).
 * The session is found by `id` alone (the token hash is globally unique, see the
 * schema); every other table is joined on `tenant_id`. The actor comes back as JSON
 * text so both drivers return the same shape.
 */
const SQL = `
with recursive
live as (
  select s.id, s.tenant_id, s.user_id, u.kind,
    least(s.expires_at, s.last_seen_at + make_interval(secs => s.idle_timeout_s)) as ends_at
  from sessions s
  join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  where s.id = $1
    and s.revoked_at is null
    and s.expires_at > $2::timestamptz
    and (s.idle_timeout_s is null
         or s.last_seen_at + make_interval(secs => s.idle_timeout_s) > $2::timestamptz)
    and u.disabled_at is null
),
granted as (
  select m.role, m.unit_id
  from memberships m
  join live on m.tenant_id = live.tenant_id and m.user_id = live.user_id
  where live.kind = 'staff'
),
covered (id, code) as (
  select un.id, un.code
  from units un
  join live on un.tenant_id = live.tenant_id
  where un.id in (select unit_id from granted)
     or exists (select 1 from granted where unit_id is null)
  union
  select child.id, child.code
  from units child
  join covered parent on child.parent_id = parent.id
  join live on child.tenant_id = live.tenant_id
),
touched as (
  update sessions set last_seen_at = $2::timestamptz
  where id = (select id from live)
    and last_seen_at < $2::timestamptz - make_interval(secs => ${TOUCH_INTERVAL_S})
  returning 1
)
select json_build_object(
  'endsAtMs', (extract(epoch from live.ends_at) * 1000)::bigint,
  'sessionId', live.id,
  'tenantId', live.tenant_id,
  'userId', live.user_id,
  'kind', live.kind,
  'roles', coalesce((select json_agg(distinct role order by role) from granted), '[]'),
  'unitIds', coalesce(
    (select json_agg(distinct unit_id) from granted where unit_id is not null), '[]'),
  'unitCodes', coalesce((select json_agg(code order by code) from covered), '[]')
)::text as actor
from live
`;

/** A live session: its actor, and until when it stays live without another request. */
export interface LiveSession {
  actor: SessionActor;
  endsAt: Date;
}

/**
 * The live session `sessionId`, or null; touches `last_seen_at` at most once a minute.
 *
 * @example
 * const live = await loadSessionActor(sqlExecutorFor(database.db), sessionId, now);
 * if (live) console.log(live.actor.roles, live.endsAt);
 */
export async function loadSessionActor(
  executeSql: ExecuteSql,
  sessionId: string,
  now: Date,
): Promise<LiveSession | null> {
  const { rows } = await executeSql(SQL, [sessionId, now]);
  const row = rows[0] as { actor: string } | undefined;
  if (row === undefined) return null;
  const { endsAtMs, ...actor } = JSON.parse(row.actor) as SessionActor & { endsAtMs: number };
  return { actor, endsAt: new Date(endsAtMs) };
}
