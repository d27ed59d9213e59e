import type { ExecuteSql } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/**
 * The staff member's roles and covered units as they are now, like `loadSessionActor`
 * (auth) but by user rather than session and without touching the session: a job acts
 * with the rights its requester has when it runs, not those they had when they clicked,
 * and never keeps their session alive. Null when the user is disabled or holds no role.
 */
const SQL = `
with recursive
person as (
  select u.tenant_id, u.id from users u
  where u.tenant_id = $1 and u.id = $2 and u.kind = 'staff' and u.disabled_at is null
),
granted as (
  select m.role, m.unit_id from memberships m
  join person on m.tenant_id = person.tenant_id and m.user_id = person.id
),
covered (id, code) as (
  select un.id, un.code from units un
  join person on un.tenant_id = person.tenant_id
  where un.id in (select unit_id from granted)
     or exists (select 1 from granted where unit_id is null)
  union
  select child.id, child.code from units child
  join covered parent on child.parent_id = parent.id
  join person on child.tenant_id = person.tenant_id
)
select json_build_object(
  'roles', coalesce((select json_agg(distinct role order by role) from granted), '[]'),
  'unitIds', coalesce(
    (select json_agg(distinct unit_id) from granted where unit_id is not null), '[]'),
  'unitCodes', coalesce((select json_agg(code order by code) from covered), '[]')
)::text as actor
from person
`;

/**
 * @example
 * const actor = await loadStaffActor(sqlExecutorFor(db), { tenantId, userId, sessionId });
 */
export async function loadStaffActor(
  executeSql: ExecuteSql,
  who: { tenantId: string; userId: string; sessionId: string },
): Promise<SessionActor | null> {
  const { rows } = await executeSql(SQL, [who.tenantId, who.userId]);
  const row = rows[0] as { actor: string } | undefined;
  if (row === undefined) return null;
  const granted = JSON.parse(row.actor) as Pick<SessionActor, 'roles' | 'unitIds' | 'unitCodes'>;
  if (granted.roles.length === 0) return null;
  return { ...who, kind: 'staff', ...granted };
}
