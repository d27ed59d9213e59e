import { initTRPC, TRPCError } from '@trpc/server';
import { auditRefusal } from '../audit/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { ANONYMOUS_PROCEDURES } from './anonymousProcedures.ts';
import type { Context } from './context.ts';
import { DATABASE_UNAVAILABLE, databaseUnavailableCause } from './databaseUnavailable.ts';
import { DomainFailure, toTRPCError } from './domainError.ts';
import { inputFieldErrors } from './inputErrors.ts';
import { refusalKind } from './refusalKind.ts';
import { unstorableText } from './unstorableText.ts';

/**
 * The one tRPC instance. The error formatter exposes the stable domain code and the
 * field errors (for forms) and never leaks a stack or an internal message.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // A lost database connection, wherever it was thrown (context, procedure): a 503 the
    // client may retry, not an internal error (the edge adds Retry-After).
    const domain =
      error.cause instanceof DomainFailure
        ? error.cause.domain
        : databaseUnavailableCause(error.cause)
          ? DATABASE_UNAVAILABLE
          : null;
    if (domain === DATABASE_UNAVAILABLE) {
      return {
        ...shape,
        message: domain.message,
        data: {
          code: 'SERVICE_UNAVAILABLE' as const,
          httpStatus: 503,
          domainCode: domain.code,
          fieldErrors: undefined,
          details: null,
        },
      };
    }
    const inputErrors = domain ? null : inputFieldErrors(error.cause);
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    let message = shape.message;
    if (internal) message = 'Une erreur interne est survenue. Veuillez réessayer.';
    else if (inputErrors) message = 'Les données envoyées ne sont pas valides.';
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        domainCode: domain?.code ?? (inputErrors ? 'INVALID_INPUT' : null),
        fieldErrors: domain?.fieldErrors ?? inputErrors,
        details: domain?.details ?? null,
      },
    };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure starts here: strings PostgreSQL cannot store (NUL, lone surrogates)
 * are refused in the raw input before any parser or service sees them (400, French).
 */
const screenedProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  const refused = unstorableText(await getRawInput());
  if (refused !== null) throw toTRPCError(refused);
  return next();
});

/** Anyone, signed in or not. */
export const publicProcedure = screenedProcedure;

/**
 * A signed-in citizen or staff member; `ctx.session` is non-null downstream. A refusal
 * of the role gates below or a NOT_FOUND from the procedure is audited on its way out
 * (docs/SECURITY.md §20); a successful call costs nothing more.
 */
export const authedProcedure = screenedProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  // A visitor's pass (dossier without an account) stands in for a session on the few
  // procedures that act on its one dossier, never elsewhere (docs/SECURITY.md §53).
  const session = ctx.session ?? (ANONYMOUS_PROCEDURES.has(path) ? (ctx.anonymous ?? null) : null);
  if (!session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Veuillez vous connecter.' });
  }
  // Only the override: tRPC merges it into the context (spreading all of it again costs
  // a copy per request).
  const result = await next({ ctx: { session } });
  if (result.ok) return result;
  const kind = refusalKind(result.error);
  if (kind !== null) {
    const who = { session, requestId: ctx.requestId, now: ctx.deps.clock() };
    const input = await getRawInput();
    await auditRefusal(ctx.deps.database.db, who, { kind, procedure: path, input });
  }
  return result;
});

type StaffRole = SessionActor['roles'][number];

/**
 * A staff member holding at least one of `roles` in the session's tenant.
 *
 * @example
 * export const publish = staffProcedure('admin').input(...).mutation(...);
 */
export function staffProcedure(...roles: StaffRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    const session = ctx.session;
    if (session.kind !== 'staff' || !roles.some((role) => session.roles.includes(role))) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Vous n’avez pas les droits nécessaires pour cette action.',
      });
    }
    return next({ ctx: { session } });
  });
}
