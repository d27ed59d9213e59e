import { limitByClientIp, unwrapWithRetryAfter } from '../rateLimit/index.ts';
import { publicProcedure, router, staffProcedure, unwrap } from '../trpc/index.ts';
import { acceptInvitation } from './acceptInvitation.ts';
import { cancelInvitation } from './cancelInvitation.ts';
import { disableStaff, enableStaff } from './disableStaff.ts';
import { inviteStaff } from './inviteStaff.ts';
import { listStaff } from './listStaff.ts';
import { setStaffAccess } from './setStaffAccess.ts';
import { staffContextOf } from './staffContext.ts';
import {
  acceptInvitationInput,
  byInvitationInput,
  byUserInput,
  inviteInput,
  noInput,
  setAccessInput,
} from './staffInputs.ts';

const admin = staffProcedure('admin');

/**
 * The tenant's staff, for its admins: list, invite by e-mail, change roles and units,
 * disable and re-enable; and the public acceptance of an invitation (token + password,
 * rate-limited per address like sign-up). Every change is audited.
 */
export const staffRouter = router({
  list: admin.input(noInput).query(({ ctx }) => listStaff(staffContextOf(ctx))),
  invite: admin
    .input(inviteInput)
    .mutation(async ({ ctx, input }) => unwrap(await inviteStaff(staffContextOf(ctx), input))),
  cancelInvitation: admin
    .input(byInvitationInput)
    .mutation(async ({ ctx, input }) => unwrap(await cancelInvitation(staffContextOf(ctx), input))),
  acceptInvitation: publicProcedure
    .use(limitByClientIp({ action: 'invitation', limit: 10, windowMs: 15_000 }))
    .input(acceptInvitationInput)
    .mutation(async ({ ctx, input }) =>
      unwrapWithRetryAfter(
        ctx,
        await acceptInvitation(ctx.deps.database.db, input, {
          now: ctx.deps.clock(),
          requestId: ctx.requestId,
          ip: ctx.ip,
        }),
      ),
    ),
  setAccess: admin
    .input(setAccessInput)
    .mutation(async ({ ctx, input }) => unwrap(await setStaffAccess(staffContextOf(ctx), input))),
  disable: admin.input(byUserInput).mutation(async ({ ctx, input }) => {
    const disabled = unwrap(await disableStaff(staffContextOf(ctx), input));
    // After the commit: this process must not serve the revoked sessions from its cache.
    ctx.deps.forgetSessions({ tenantId: ctx.session.tenantId, userId: disabled.userId });
    return disabled;
  }),
  enable: admin
    .input(byUserInput)
    .mutation(async ({ ctx, input }) => unwrap(await enableStaff(staffContextOf(ctx), input))),
});
