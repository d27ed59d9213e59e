/**
 * The whole drizzle schema, one module so drizzle-kit and `drizzle({ schema })` see
 * every table. Tables are grouped by area in the sibling files.
 */

export { rateLimits, sessions } from './auth.ts';
export { demarches, demarcheVersions } from './demarches.ts';
export { dossiers } from './dossiers.ts';
export { attachments, messages, tasks } from './exchanges.ts';
export { auditLog, dossierEvents } from './logs.ts';
export { memberships, users } from './people.ts';
export { effectRuns, idempotencyKeys } from './reliability.ts';
export { tenants, units } from './tenants.ts';
