import { z } from 'zod';
import { limitByClientIp } from '../rateLimit/index.ts';
import { publicProcedure, router, unwrap } from '../trpc/index.ts';
import { clearedPassCookie, DRAFT_PASS_S, FOLLOW_PASS_S, passCookie } from './anonymousPass.ts';
import { heldDossier } from './anonymousQueries.ts';
import { followWithCode } from './followWithCode.ts';
import { issueTrackingCode } from './issueTrackingCode.ts';
import { leaveAnonymousDossier } from './leaveAnonymousDossier.ts';
import { startAnonymousDossier } from './startAnonymousDossier.ts';

const tenant = z.string().trim().min(1).max(63);
const slug = z.string().trim().min(1).max(100);
/** Generous for spaces and dashes typed by hand; the service checks the code itself. */
const code = z.string().max(120);

/**
 * Per client address: 20 drafts an hour without an account (a family filing for several
 * people behind one address), and 10 tracking-code attempts a minute — with 160-bit
 * codes, guessing is hopeless anyway; the limit keeps the table from being hammered.
 */
const START_LIMIT = { action: 'anonymous-start', limit: 20, windowMs: 3_600_000 };
const FOLLOW_LIMIT = { action: 'anonymous-follow', limit: 10, windowMs: 60_000 };

/**
 * Dossiers without an account (docs/SECURITY.md §53–§54): open a draft on a démarche
 * that allows it, get the tracking code once it is submitted, open it again with the
 * code, close it on this browser. The pass cookie these set lets the dossier procedures
 * listed in `trpc/anonymousProcedures.ts` act on that one dossier.
 */
export const anonymousRouter = router({
  start: publicProcedure
    .use(limitByClientIp(START_LIMIT))
    .input(z.strictObject({ tenant, demarche: slug }))
    .mutation(async ({ ctx, input }) => {
      const request = {
        db: ctx.deps.database.db,
        now: ctx.deps.clock(),
        requestId: ctx.requestId,
        units: ctx.deps.units,
        holder: ctx.anonymous,
      };
      const started = unwrap(await startAnonymousDossier(request, input));
      if (started.passToken !== null) ctx.setCookie(passCookie(started.passToken, DRAFT_PASS_S));
      return { dossierId: started.dossierId };
    }),

  /** The dossier this browser's pass holds, or null: where to resume, what to confirm. */
  current: publicProcedure.query(async ({ ctx }) => {
    if (ctx.anonymous === null) return null;
    const held = await heldDossier(ctx.deps.database.db, ctx.anonymous);
    if (held === null) return null;
    return {
      dossierId: held.dossierId,
      reference: held.reference,
      submitted: held.submitted,
      hasCode: held.hasCode,
    };
  }),

  /** A new tracking code for the submitted dossier of the pass (the previous one stops working); the first call also has one mailed. */
  issueCode: publicProcedure.mutation(async ({ ctx }) =>
    unwrap(
      await issueTrackingCode(ctx.deps.database.db, ctx.anonymous, {
        now: ctx.deps.clock(),
        sendJob: ctx.deps.sendJob,
      }),
    ),
  ),

  follow: publicProcedure
    .use(limitByClientIp(FOLLOW_LIMIT))
    .input(z.strictObject({ tenant, code }))
    .mutation(async ({ ctx, input }) => {
      const followed = unwrap(await followWithCode(ctx.deps.database.db, input, ctx.deps.clock()));
      ctx.setCookie(passCookie(followed.passToken, FOLLOW_PASS_S));
      return { dossierId: followed.dossierId };
    }),

  leave: publicProcedure.mutation(async ({ ctx }) => {
    await leaveAnonymousDossier(ctx.deps.database.db, ctx.anonymous);
    ctx.setCookie(clearedPassCookie());
    return { left: ctx.anonymous !== null };
  }),
});
