/**
 * What other folders may import from auth; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { ACCESS_CHANNEL, parseAccessChange } from './accessChanges.ts';
export { authRouter } from './authRouter.ts';
export { disableUser } from './disableUser.ts';
export { decoyHash, hashPassword } from './password.ts';
export { checkPasswordPolicy } from './passwordPolicy.ts';
export { createSessionResolver } from './resolveSession.ts';
export { sendAccountMail } from './sendAccountMail.ts';
export { createSessionCache } from './sessionCache.ts';
export { SESSION_COOKIE } from './sessionPolicy.ts';
export { sessionIdFromToken } from './sessionToken.ts';
