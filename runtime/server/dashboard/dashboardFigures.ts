import type { StateKind } from '../../../shared/definition/types.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import { type QueueViewer, queueStates } from '../queues/index.ts';
import { currentFigures, stateKey } from './currentFigures.ts';
import type { DashboardInput } from './dashboardInput.ts';
import { resolveLevel } from './dashboardLevel.ts';
import { type ParisPeriod, parisPeriod, parisWeek } from './parisPeriod.ts';
import { type PeriodFigures, periodFigures } from './periodFigures.ts';

/** One state of the dashboard's table. */
export interface StateFigures {
  /** The démarche of the state: two démarches may share a state id or a label. */
  demarcheId: string;
  demarcheTitle: string;
  state: string;
  label: string;
  kind: StateKind;
  /** Dossiers of the level in the state now. */
  count: number;
  /** Of those, past their due date now. */
  overdue: number;
  /** Dossiers of the level that entered the state during the period. */
  entered: number;
}

/** What a period brought the level: submissions, transfers, decisions. */
export interface PeriodSummary {
  period: { from: string; to: string };
  submitted: number;
  transfers: { in: number; out: number };
  decisions: { count: number; averageMs: number | null; medianMs: number | null };
}

/** The dashboard of one level, démarche and period. */
export interface Dashboard {
  level: { code: string; name: string } | null;
  period: { from: string; to: string };
  states: StateFigures[];
  /** Submitted dossiers not in a final state now. */
  pending: number;
  /** Of those, past due. */
  late: number;
  /** Submissions during the period. */
  submitted: number;
  transfers: { in: number; out: number };
  /** Dossiers that reached a final state during the period; time from submission. */
  decisions: { count: number; averageMs: number | null; medianMs: number | null };
  /** The same for the Paris week and month holding now, whatever period was chosen. */
  recent: { week: PeriodSummary; month: PeriodSummary };
}

export interface DashboardContext {
  db: AppDatabase;
  viewer: QueueViewer;
  now: Date;
}

/**
 * Figures of the back office's dashboard for one level of the unit tree (a unit and its
 * sub-units, or the whole tenant) and one démarche or all: dossiers per state now, with
 * the overdue ones (exact counters, `currentFigures`), and what happened during the
 * period (`periodFigures`, from the events) — and, beside it, during the current Paris
 * week and month (« nouveaux cette semaine / ce mois-ci »). A unit the caller does not cover and a
 * démarche of another tenant answer NOT_FOUND, as ids that exist nowhere.
 *
 * @example
 * await dashboardFigures(ctx, { unit: 'ur-ara' }); // ok({ states: [...], pending: 42, transfers: { in: 3, out: 1 }, … })
 */
export async function dashboardFigures(
  ctx: DashboardContext,
  input: DashboardInput,
): Promise<Result<Dashboard, DomainError>> {
  const level = await resolveLevel(ctx.db, ctx.viewer, input.unit);
  if (!level.ok) return level;
  const scope = tenantScope(ctx.viewer.tenantId);
  const { demarcheIds, states } = await queueStates(ctx.db, scope, input.demarcheId);
  if (input.demarcheId !== undefined && demarcheIds.length === 0) {
    return err({ code: 'NOT_FOUND', message: 'Démarche introuvable.' });
  }
  const period = parisPeriod(ctx.now, input.period);
  const week = parisWeek(ctx.now);
  const month = parisPeriod(ctx.now);
  const shared = { tenantId: scope.tenantId, demarcheIds, level: level.value };
  const finalStateIds = states.filter((s) => s.kind === 'final').map((s) => s.id);
  // A period asked twice (the default period is the month) is read once.
  const reads = new Map<string, Promise<PeriodFigures>>();
  const during = (p: ParisPeriod) => {
    const key = `${p.from}/${p.to}`;
    let read = reads.get(key);
    if (read === undefined) {
      read = periodFigures(ctx.db, { ...shared, finalStateIds, period: p });
      reads.set(key, read);
    }
    return read;
  };
  const [now, chosen, thisWeek, thisMonth] = await Promise.all([
    currentFigures(ctx.db, { ...shared, stateIds: states.map((s) => s.id), now: ctx.now }),
    during(period),
    during(week),
    during(month),
  ]);
  const rows = states.map((state) => {
    const key = stateKey(state.demarcheId, state.id);
    return {
      demarcheId: state.demarcheId,
      demarcheTitle: state.demarcheTitle,
      state: state.id,
      label: state.label,
      kind: state.kind,
      count: now.get(key)?.count ?? 0,
      overdue: now.get(key)?.overdue ?? 0,
      entered: chosen.entered.get(key) ?? 0,
    };
  });
  const open = rows.filter((row) => row.kind !== 'final');
  return ok({
    level: level.value.unit,
    states: rows,
    pending: open.reduce((sum, row) => sum + row.count, 0),
    late: open.reduce((sum, row) => sum + row.overdue, 0),
    ...summaryOf(period, chosen),
    recent: { week: summaryOf(week, thisWeek), month: summaryOf(month, thisMonth) },
  });
}

function summaryOf(period: ParisPeriod, figures: PeriodFigures): PeriodSummary {
  return {
    period: { from: period.from, to: period.to },
    submitted: figures.submitted,
    transfers: { in: figures.transfersIn, out: figures.transfersOut },
    decisions: {
      count: figures.decided,
      averageMs: figures.averageMs,
      medianMs: figures.medianMs,
    },
  };
}
