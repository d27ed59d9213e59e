import { z } from 'zod';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import { publishedVersions } from '../queues/index.ts';
import { router, staffProcedure, unwrap } from '../trpc/index.ts';
import { dashboardFigures } from './dashboardFigures.ts';
import { dashboardInput } from './dashboardInput.ts';
import { levelChoices } from './dashboardLevel.ts';

/** Every staff role has a dashboard; what it covers is `resolveLevel`'s business. */
const staff = staffProcedure('admin', 'agent', 'supervisor');

/**
 * The back office's dashboard: the choices of its form (démarches, the levels of the unit
 * tree the caller covers) and the figures of one level, démarche and period.
 */
export const dashboardRouter = router({
  choices: staff.input(z.strictObject({}).prefault({})).query(async ({ ctx }) => {
    const db = ctx.deps.database.db;
    const versions = await publishedVersions(db, tenantScope(ctx.session.tenantId));
    // Oldest first within a démarche: the last one seen gives the current title.
    const titles = new Map(versions.map((v) => [v.demarcheId, v.title]));
    return {
      demarches: [...titles].map(([id, title]) => ({ id, title })),
      levels: await levelChoices(db, ctx.session),
      wholeTenant: ctx.session.roles.includes('admin'),
    };
  }),
  figures: staff
    .input(dashboardInput)
    .query(async ({ ctx, input }) =>
      unwrap(
        await dashboardFigures(
          { db: ctx.deps.database.db, viewer: ctx.session, now: ctx.deps.clock() },
          input,
        ),
      ),
    ),
});
