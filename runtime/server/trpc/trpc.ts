import { initTRPC, TRPCError } from '@trpc/server';
import type { Context, SessionActor } from './context.ts';
import { DomainFailure } from './domainError.ts';
import { inputFieldErrors } from './inputErrors.ts';

/**
 * The one tRPC instance. The error formatter exposes the stable domain code and the
 * field errors (for forms) and never leaks a stack or an internal message.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainFailure ? error.cause.domain : null;
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
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** A signed-in citizen or staff member; `ctx.session` is non-null downstream. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Veuillez vous connecter.' });
  }
  // Only the override: tRPC merges it into the context (spreading all of it again costs
  // a copy per request).
  return next({ ctx: { session: ctx.session } });
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
