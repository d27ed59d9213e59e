import { z } from 'zod';
import { limitByClientIp, unwrapWithRetryAfter } from '../rateLimit/index.ts';
import { authedProcedure, type Context, publicProcedure, router } from '../trpc/index.ts';
import type { AuthRequest } from './authRequest.ts';
import { changePassword } from './changePassword.ts';
import { confirmEmail } from './confirmEmail.ts';
import { currentUser } from './currentUser.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { requestPasswordReset } from './requestPasswordReset.ts';
import { resendConfirmation } from './resendConfirmation.ts';
import { resetPassword } from './resetPassword.ts';
import { clearedSessionCookie, sessionCookie } from './sessionPolicy.ts';
import { signup } from './signup.ts';

/**
 * Per client address, on fixed 15-s windows: 10 attempts per window. Any 30 attempts
 * within 15 s span at most two windows, so at least 15 fall in one and are refused
 * (docs/SECURITY.md §1), while an office behind one address still gets 40 logins a minute.
 */
const CREDENTIAL_LIMIT = { limit: 10, windowMs: 15_000 };

const tenant = z.string().trim().min(1).max(63);
const email = z.string().trim().toLowerCase().max(254);
/** Bounded so nobody makes argon2 hash megabytes; the policy's own limit is 128. */
const password = z.string().max(1024);

const loginInput = z.strictObject({ tenant, email, password: password.min(1) });
const signupInput = z.strictObject({
  tenant,
  email: email.pipe(z.email({ error: 'Adresse e-mail invalide.' })),
  password,
  displayName: z.string().trim().min(1, { error: 'Indiquez votre nom.' }).max(120),
});
const changePasswordInput = z.strictObject({ current: password.min(1), next: password });
/** A mailed link's token: 43 base64url characters; anything else cannot be one. */
const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Lien invalide.' });
const confirmEmailInput = z.strictObject({ token: linkToken });
const requestResetInput = z.strictObject({
  tenant,
  email: email.pipe(z.email({ error: 'Adresse e-mail invalide.' })),
});
const resetPasswordInput = z.strictObject({ token: linkToken, password });

/**
 * Reset requests per client address: 10 per 15 minutes, on top of the per-address limit
 * inside the service (docs/SECURITY.md §51); someone trying many addresses from one
 * machine is stopped here.
 */
const RESET_REQUEST_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

function requestOf(ctx: Context): AuthRequest {
  return { now: ctx.deps.clock(), requestId: ctx.requestId, ip: ctx.ip };
}

/**
 * Local accounts: login, logout, current user, citizen sign-up and its mailed
 * confirmation, password change and reset by mail (docs/SECURITY.md §1–5, §50–§51). Procedures validate, call a service and map its result.
 */
export const authRouter = router({
  /** Opens a new session and sets its cookie; one generic error for every refusal. */
  login: publicProcedure
    .use(limitByClientIp({ action: 'login', ...CREDENTIAL_LIMIT }))
    .input(loginInput)
    .mutation(async ({ ctx, input }) => {
      const request = {
        ...requestOf(ctx),
        previous: ctx.session,
        // On a tenant's own address, only its accounts sign in (docs/SECURITY.md §133).
        ...(ctx.hostTenant?.byHost ? { hostTenantId: ctx.hostTenant.id } : {}),
      };
      const session = unwrapWithRetryAfter(ctx, await login(ctx.deps.database.db, input, request));
      // The session the browser came with was revoked: not served from this process's
      // cache while PostgreSQL's notification is on its way (a replay once got through).
      if (ctx.session) ctx.deps.forgetSessions(ctx.session);
      ctx.setCookie(sessionCookie(session.token, session.kind));
      return { userId: session.userId, kind: session.kind };
    }),

  /** Revokes the current session (if any) and deletes the cookie; always succeeds. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) {
      await logout(ctx.deps.database.db, ctx.session, requestOf(ctx));
      ctx.deps.forgetSessions(ctx.session);
    }
    ctx.setCookie(clearedSessionCookie());
    return { signedOut: ctx.session !== null };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.session ? currentUser(ctx.deps.database.db, ctx.session) : null,
  ),

  /** Creates a citizen account; the same answer whether or not the email was taken. */
  signup: publicProcedure
    .use(limitByClientIp({ action: 'signup', ...CREDENTIAL_LIMIT }))
    .input(signupInput)
    .mutation(async ({ ctx, input }) =>
      unwrapWithRetryAfter(
        ctx,
        await signup(ctx.deps.database.db, input, requestOf(ctx), ctx.deps.sendJob),
      ),
    ),

  /** Confirms the address with the link mailed at sign-up (docs/SECURITY.md §50). */
  confirmEmail: publicProcedure
    .use(limitByClientIp({ action: 'account-link', ...CREDENTIAL_LIMIT }))
    .input(confirmEmailInput)
    .mutation(async ({ ctx, input }) =>
      unwrapWithRetryAfter(ctx, await confirmEmail(ctx.deps.database.db, input, requestOf(ctx))),
    ),

  /** Mails a new confirmation link to the signed-in citizen, limited per account. */
  resendConfirmation: authedProcedure.mutation(async ({ ctx }) =>
    unwrapWithRetryAfter(
      ctx,
      await resendConfirmation(ctx.deps.database.db, ctx.session, requestOf(ctx), ctx.deps.sendJob),
    ),
  ),

  /** « Mot de passe oublié » : the same answer whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .use(limitByClientIp({ action: 'password-reset', ...RESET_REQUEST_LIMIT }))
    .input(requestResetInput)
    .mutation(async ({ ctx, input }) =>
      unwrapWithRetryAfter(
        ctx,
        await requestPasswordReset(ctx.deps.database.db, input, requestOf(ctx), ctx.deps.sendJob),
      ),
    ),

  /** Sets a new password with a mailed link and ends every session of the account. */
  resetPassword: publicProcedure
    .use(limitByClientIp({ action: 'account-link', ...CREDENTIAL_LIMIT }))
    .input(resetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      const reset = await resetPassword(ctx.deps.database.db, input, requestOf(ctx));
      // After the commit: this process must not serve the revoked sessions from its cache.
      if (reset.ok) ctx.deps.forgetSessions(reset.value);
      const { email: resetEmail } = unwrapWithRetryAfter(ctx, reset);
      return { email: resetEmail };
    }),

  /** Changes the password, signs out every other session of the user and mails them a notice. */
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const change = { session: ctx.session, ...input };
    const db = ctx.deps.database.db;
    const changed = await changePassword(db, change, requestOf(ctx), ctx.deps.sendJob);
    // The other sessions were revoked; the current one is re-read, still live.
    if (changed.ok) ctx.deps.forgetSessions(ctx.session);
    return unwrapWithRetryAfter(ctx, changed);
  }),
});
