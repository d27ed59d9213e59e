import type { Caller } from './callers.ts';
import type { SampleWorld } from './sampleWorld.ts';

/**
 * How the security suites call one procedure.
 * - `callers`: who passes the procedure's gate; everyone else gets UNAUTHORIZED
 *   (anonymous) or FORBIDDEN, and nothing is written.
 * - `references`: `ids` when the input names objects of the caller's tenant (ids, or a
 *   démarche slug) and another tenant's must be NOT_FOUND; `idFilter` when ids only
 *   narrow a list, so another tenant's must answer as ids that exist nowhere (an empty
 *   page); `tenant` when it names a tenant by slug (public catalogue, login); `none`
 *   otherwise.
 * - `readers`: for `ids` procedures, those of `callers` who may see the sample object;
 *   the other callers get NOT_FOUND, exactly as for a random id.
 * - `actor`: a caller for whom `input` is valid and would be carried out.
 * - `input`: a valid input built from a tenant's sample world; absent when the procedure
 *   takes none. Factories may draw fresh values (emails, keys) on every call.
 */
export interface ProcedureSample {
  callers: readonly Caller[];
  references: 'ids' | 'idFilter' | 'tenant' | 'none';
  readers?: readonly Caller[];
  actor: Caller;
  input?: (world: SampleWorld) => unknown;
}
