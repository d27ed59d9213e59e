/**
 * What other folders may import from audit; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { auditRefusal, type Refusal, type RefusalKind } from './auditRefusal.ts';
export { recordAudit, recordSessionAudit, userRef } from './recordAudit.ts';
