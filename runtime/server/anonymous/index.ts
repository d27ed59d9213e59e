/**
 * What other folders may import from anonymous; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { ANONYMOUS_PASS_COOKIE } from './anonymousPass.ts';
export { anonymousRouter } from './anonymousRouter.ts';
export { resolveAnonymousPass } from './resolveAnonymousPass.ts';
export { sendTrackingCodeMail } from './sendTrackingCodeMail.ts';
export { ANONYMOUS_APPLICANT_NAME } from './startAnonymousDossier.ts';
