/** What the dashboard shows, as kept in its address (`/agent/tableau-de-bord?…`). */
export interface DashboardFilters {
  demarcheId?: string | undefined;
  /** A unit code; absent: everything the agent covers (the whole tenant for an admin). */
  unit?: string | undefined;
  /** `mois=YYYY-MM`, or `du`/`au` days; neither: the current month. */
  month?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters an address holds; malformed values are dropped rather than sent.
 *
 * @example
 * dashboardFiltersOf('?niveau=ur-ara&mois=2026-03'); // { unit: 'ur-ara', month: '2026-03' }
 */
export function dashboardFiltersOf(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const value = (name: string, pattern?: RegExp) => {
    const found = params.get(name)?.trim();
    return found && (!pattern || pattern.test(found)) ? found : undefined;
  };
  const from = value('du', DAY);
  const to = value('au', DAY);
  const custom = from !== undefined && to !== undefined;
  return {
    demarcheId: value('demarche'),
    unit: value('niveau'),
    month: custom ? undefined : value('mois', MONTH),
    from: custom ? from : undefined,
    to: custom ? to : undefined,
  };
}

/** The query string of `filters`, `?` included (empty when there is nothing to keep). */
export function dashboardSearchOf(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  if (filters.demarcheId) params.set('demarche', filters.demarcheId);
  if (filters.unit) params.set('niveau', filters.unit);
  if (filters.from && filters.to) {
    params.set('du', filters.from);
    params.set('au', filters.to);
  } else if (filters.month) params.set('mois', filters.month);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The `dashboard.figures` input: a month becomes its first and last days.
 *
 * @example
 * figuresInputOf({ month: '2026-02' }); // { period: { from: '2026-02-01', to: '2026-02-28' } }
 */
export function figuresInputOf(filters: DashboardFilters): {
  demarcheId?: string;
  unit?: string;
  period?: { from: string; to: string };
} {
  let period: { from: string; to: string } | undefined;
  if (filters.from && filters.to) period = { from: filters.from, to: filters.to };
  else if (filters.month) period = monthPeriod(filters.month);
  return {
    ...(filters.demarcheId ? { demarcheId: filters.demarcheId } : {}),
    ...(filters.unit ? { unit: filters.unit } : {}),
    ...(period ? { period } : {}),
  };
}

function monthPeriod(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
