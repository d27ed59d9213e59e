/**
 * What other folders may import from staff; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export type { InvitationMailDeps, InvitationMailOutcome } from './sendInvitationMail.ts';
export { sendInvitationMail } from './sendInvitationMail.ts';
export { staffRouter } from './staffRouter.ts';
