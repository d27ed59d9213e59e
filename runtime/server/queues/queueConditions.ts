import { eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { dossiers, PRIORITY_RANKS } from '../../db/schema/dossiers.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { QueueListQuery } from './queueInput.ts';
import { type QueueViewer, submitted, unitAlternatives, visibleUnits } from './queueViewer.ts';
import { searchMatches } from './searchQuery.ts';

/**
 * A queue's `where`, sorted by the kind of index that serves each part, because the
 * page query treats them differently (see `queuePageSql`).
 */
export interface QueueConditions {
  /** Must all hold: tenant, submitted, equalities and ranges the btree indexes serve. */
  all: SQL[];
  /** Columns `all` pins to one value (`=` or `is null`): an index may lead with them. */
  pinned: Set<string>;
  /**
   * Columns with alternatives, one of which must hold (several states, the units the
   * viewer sees). Split into one branch per value, each is an equality the queue
   * indexes serve in sort order; joined by `or`, none would be (see `splitColumns`).
   */
  choices: Array<{ column: string; alternatives: SQL[] }>;
  /** Free text and form fields: served by GIN indexes, whose selectivity nobody knows. */
  inverted: SQL[];
  /** Only dossiers with a due date can match: the null segment need not be read. */
  needsDueDate: boolean;
}

/**
 * The conditions of a queue page for `viewer`, from the session (tenant, units) and the
 * filters (free text already turned into a tsquery by `searchQuery`). The tenant comes
 * from the viewer only; `tenantScope` throws without one.
 *
 * @example
 * queueConditions({ states: ['depose', 'complement'], overdue: true }, { viewer, now, tsquery: null });
 * // all: [tenant, submitted, due_at < now], choices: [{ column: 'state', alternatives: [= 'depose', = 'complement'] }, …]
 */
export function queueConditions(
  query: Omit<QueueListQuery, 'sort' | 'limit' | 'text'>,
  context: { viewer: QueueViewer; now: Date; tsquery: string | null },
): QueueConditions {
  const { viewer, now } = context;
  const tenant = tenantScope(viewer.tenantId);
  const all: SQL[] = [eq(dossiers.tenantId, tenant.tenantId), submitted(dossiers.reference)];
  const pinned = new Set([dossiers.tenantId.name]);
  const pin = (column: { name: string }, condition: SQL) => {
    all.push(condition);
    pinned.add(column.name);
  };
  const choices: QueueConditions['choices'] = [];
  const inverted: SQL[] = [];
  let needsDueDate = false;
  const units = unitAlternatives(visibleUnits(viewer, query.unit), dossiers.unitCode);
  if (units !== undefined) choices.push({ column: dossiers.unitCode.name, alternatives: units });
  if (query.states !== undefined) {
    const alternatives = unique(query.states).map((state) => eq(dossiers.state, state));
    choices.push({ column: dossiers.state.name, alternatives });
  }
  if (query.priority !== undefined) {
    const alternatives = unique(query.priority).map((name) =>
      eq(dossiers.priority, PRIORITY_RANKS[name]),
    );
    choices.push({ column: dossiers.priority.name, alternatives });
  }
  if (query.demarcheId !== undefined)
    pin(dossiers.demarcheId, eq(dossiers.demarcheId, query.demarcheId));
  if (query.assignee === 'none') pin(dossiers.assigneeId, isNull(dossiers.assigneeId));
  else if (query.assignee === 'me')
    pin(dossiers.assigneeId, eq(dossiers.assigneeId, viewer.userId));
  else if (query.assignee !== undefined)
    pin(dossiers.assigneeId, eq(dossiers.assigneeId, query.assignee));
  if (query.dueBefore !== undefined) {
    all.push(lt(dossiers.dueAt, new Date(query.dueBefore)));
    needsDueDate = true;
  }
  if (query.overdue === true) {
    all.push(lt(dossiers.dueAt, now));
    needsDueDate = true;
  } else if (query.overdue === false) {
    all.push(or(isNull(dossiers.dueAt), gte(dossiers.dueAt, now))!);
  }
  if (context.tsquery !== null) inverted.push(searchMatches(context.tsquery));
  if (query.fields !== undefined && Object.keys(query.fields).length > 0) {
    // One containment test for all fields: one probe of the GIN index.
    inverted.push(sql`${dossiers.data} @> ${JSON.stringify(query.fields)}::jsonb`);
  }
  return { all, pinned, choices, inverted, needsDueDate };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
