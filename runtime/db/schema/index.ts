/**
 * The whole drizzle schema, one module so drizzle-kit and `drizzle({ schema })` see
 * every table. Tables are grouped by area in the sibling files.
 */

export { rateLimits, sessions } from './auth.ts';
export { bulkJobItems, bulkJobs, exportJobs } from './backgroundJobs.ts';
export { anonymousDossiers, citizenDocuments, counterDossiers } from './citizenExtras.ts';
export {
  dossierComments,
  dossierFollows,
  staffInvitations,
  tenantLogos,
} from './collectivite.ts';
export { demarches, demarcheVersions } from './demarches.ts';
export { dossiers } from './dossiers.ts';
export { attachments, messages, tasks } from './exchanges.ts';
export { auditLog, auditSeals, auditUnsealed, dossierEvents } from './logs.ts';
export { accountTokens, memberships, users } from './people.ts';
export { queueCounts, queueDueCounts } from './queueCounts.ts';
export { referenceRows, referenceTables } from './referenceTables.ts';
export { effectRuns, idempotencyKeys } from './reliability.ts';
export { savedViews } from './savedViews.ts';
export { tenantHosts, tenants, units } from './tenants.ts';
