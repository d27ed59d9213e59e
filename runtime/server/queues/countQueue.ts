import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { StateKind } from '../../../shared/definition/types.ts';
import { ok, type Result } from '../../../shared/result.ts';
import { rowsOf } from '../../db/index.ts';
import { dossiers } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../trpc/domainError.ts';
import type { QueueServiceContext } from './listQueue.ts';
import type { QueueCountsInput } from './queueInput.ts';
import { queueStates } from './queueStates.ts';
import { unitAlternatives, visibleUnits } from './queueViewer.ts';

/** One tab of a queue: a state and how many visible dossiers are in it. */
export interface StateCount {
  state: string;
  label: string;
  kind: StateKind;
  /** Exact up to the cap; equal to it when `capped` is true. */
  count: number;
  /** More than `count` dossiers: show "10 000+", not a number nobody reads. */
  capped: boolean;
}

/** Past this, a tab shows "10 000+": counting further costs time and tells nobody anything. */
export const COUNT_CAP = 10_000;

/**
 * Visible dossiers per state, for the tabs of a queue, in the definitions' state order.
 * Draft states are not tabs: their dossiers are the citizens' unfinished work, and a
 * dossier leaves its draft state when it is submitted and numbered, so the states
 * listed hold exactly the submitted dossiers `listQueue` shows.
 *
 * Each count is a capped index range, so the cost is bounded by tabs × units × cap
 * whatever the size of the queue: per state and per visible unit on
 * `(tenant, unit_code, state)` for agents and supervisors, per state on
 * `(tenant, démarche, state)` for admins (the démarches listed, so that index serves
 * even a count over all of them). Both are index-only once the table is vacuumed.
 *
 * @example
 * const tabs = await countQueue(ctx, { demarcheId });
 * // [{ state: 'depose', label: 'Déposé', kind: 'active', count: 42, capped: false }, …]
 */
export async function countQueue(
  ctx: QueueServiceContext,
  input: QueueCountsInput,
  options: { cap?: number } = {},
): Promise<Result<StateCount[], DomainError>> {
  const cap = options.cap ?? COUNT_CAP;
  const scope = tenantScope(ctx.viewer.tenantId);
  const { demarcheIds, states } = await queueStates(ctx.db, scope, input.demarcheId);
  const units = unitAlternatives(visibleUnits(ctx.viewer, input.unit), dossiers.unitCode);
  if (states.length === 0 || demarcheIds.length === 0 || units?.length === 0) {
    return ok(
      states.map((state) => ({
        state: state.id,
        label: state.label,
        kind: state.kind,
        count: 0,
        capped: false,
      })),
    );
  }
  // By unit, the démarche is only worth naming when asked for: it is not in that index.
  const demarche =
    input.demarcheId !== undefined
      ? eq(dossiers.demarcheId, input.demarcheId)
      : units === undefined
        ? inArray(dossiers.demarcheId, demarcheIds)
        : undefined;
  const branches: SQL[] = (units ?? [undefined]).map(
    (unit) =>
      sql`(select 1 from ${dossiers} where ${scope.where(dossiers, demarche, unit, sql`${dossiers.state} = s.state`)} limit ${cap + 1})`,
  );
  const stateList = sql.join(
    states.map((state) => sql`${state.id}`),
    sql`, `,
  );
  const result = await ctx.db.execute(sql`
    select s.state, (select count(*)::int from (select 1 from (${sql.join(branches, sql` union all `)}) as b limit ${cap + 1}) as c) as "count"
    from unnest(array[${stateList}]::text[]) as s(state)`);
  const countOf = new Map(
    (rowsOf(result) as Array<{ state: string; count: number }>).map((row) => [
      row.state,
      Number(row.count),
    ]),
  );
  return ok(
    states.map((state) => {
      const count = countOf.get(state.id) ?? 0;
      return {
        state: state.id,
        label: state.label,
        kind: state.kind,
        count: Math.min(count, cap),
        capped: count > cap,
      };
    }),
  );
}
