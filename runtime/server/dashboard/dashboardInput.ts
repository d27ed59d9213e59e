import { z } from 'zod';

const day = z.iso.date();

/**
 * Input of `dashboard.figures`. Strict (docs/SECURITY.md §10): the tenant comes from the
 * session. `unit`: the level's unit code (absent: the whole tenant for an admin,
 * everything the caller covers otherwise); `from`/`to`: Paris days, both included, at
 * most a year apart (absent: the current month in Paris).
 */
export const dashboardInput = z
  .strictObject({
    demarcheId: z.uuid().optional(),
    unit: z.string().min(1).max(100).optional(),
    period: z.strictObject({ from: day, to: day }).optional(),
  })
  .refine(
    ({ period }) =>
      period === undefined ||
      (period.from <= period.to &&
        Date.parse(period.to) - Date.parse(period.from) <= 366 * 86_400_000),
    {
      message: 'La période doit aller d’une date à une date postérieure, sur un an au plus.',
      path: ['period'],
    },
  );

export type DashboardInput = z.infer<typeof dashboardInput>;
