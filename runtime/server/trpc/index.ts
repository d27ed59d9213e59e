/**
 * What other folders may import from trpc; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

export type { Context } from './context.ts';
export { contextFactory } from './context.ts';
export {
  DATABASE_UNAVAILABLE,
  databaseUnavailableCause,
  RETRY_AFTER_SECONDS,
} from './databaseUnavailable.ts';
export { toTRPCError, unwrap } from './domainError.ts';
export {
  authedProcedure,
  mergeRouters,
  middleware,
  publicProcedure,
  router,
  staffProcedure,
} from './trpc.ts';
