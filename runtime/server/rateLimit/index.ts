/**
 * What other folders may import from rateLimit; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { accountQuota } from './accountQuota.ts';
export { hit } from './hit.ts';
export { limitByAccount } from './limitByAccount.ts';
export { limitByClientIp } from './limitByClientIp.ts';
export { unwrapWithRetryAfter } from './unwrapWithRetryAfter.ts';
