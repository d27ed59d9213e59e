import { type SQL, sql } from 'drizzle-orm';
import type { DashboardLevel } from './dashboardLevel.ts';

/**
 * `unit` (an SQL expression giving a unit code, null for unrouted work) belongs to the
 * level: always for the whole tenant, otherwise one of its codes, or null when the level
 * takes unrouted work.
 *
 * @example
 * sql`select count(*) from dossiers d where ${inLevel(level, sql`d.unit_code`)}`;
 */
export function inLevel(level: DashboardLevel, unit: SQL): SQL {
  if (level.codes === 'all') return sql`true`;
  const codes = level.codes.filter((code): code is string => code !== null);
  const takesNull = level.codes.includes(null);
  const listed =
    codes.length === 0
      ? sql`false`
      : sql`${unit} in (${sql.join(
          codes.map((code) => sql`${code}`),
          sql`, `,
        )})`;
  return takesNull ? sql`(${listed} or ${unit} is null)` : sql`coalesce(${listed}, false)`;
}

/** A list of SQL text values, for `in (…)` and `array[…]`. */
export function sqlList(values: readonly string[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}
