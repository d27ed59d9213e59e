import { TRPCError } from '@trpc/server';
import { authedProcedure } from '../trpc/index.ts';

/**
 * A signed-in citizen: opening dossiers and listing one's own is what applicants do;
 * staff accounts are not applicants.
 *
 * @example
 * export const create = citizenProcedure.input(createInput).mutation(...);
 */
export const citizenProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.session.kind !== 'citizen') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Cette action est réservée aux usagers.',
    });
  }
  return next();
});
