/**
 * The persistence layer: what `runtime/server` may import. Test helpers live in
 * `./testing/index.ts` so production code never pulls vitest in.
 */
import * as schema from './schema/index.ts';

export { sealAuditLog } from './audit/sealAuditLog.ts';
export { type AuditChainVerdict, verifyAuditChain } from './audit/verifyAuditChain.ts';
export { verifyEventChain } from './audit/verifyEventChain.ts';
export type { ChainVerdict } from './audit/walkChain.ts';
export { APP_ROLE, appRoleUrl } from './driver/appRoleUrl.ts';
export { rowsOf } from './driver/driverValues.ts';
export {
  fixedStatement,
  placeholderFor,
  type RowOf,
  statementBuilder,
} from './driver/fixedStatement.ts';
export { type OpenDatabaseOptions, openDatabase } from './driver/openDatabase.ts';
export { settleAll } from './driver/settleAll.ts';
export { sqlExecutorFor } from './driver/sqlExecutorFor.ts';
export {
  checkReferenceInput,
  formatReference,
  type NextReferenceInput,
  nextReference,
} from './references/nextReference.ts';
export { rateLimits, sessions } from './schema/auth.ts';
export { bulkJobItems, bulkJobs, exportJobs } from './schema/backgroundJobs.ts';
export { anonymousDossiers, citizenDocuments, counterDossiers } from './schema/citizenExtras.ts';
export {
  dossierComments,
  dossierFollows,
  type InvitedAccess,
  LOGO_MEDIA_TYPES,
  staffInvitations,
  tenantLogos,
} from './schema/collectivite.ts';
export { demarches, demarcheVersions, type StoredDefinition } from './schema/demarches.ts';
export { dossiers, PRIORITY_RANKS } from './schema/dossiers.ts';
export {
  attachments,
  MESSAGE_AUTHOR_ROLES,
  messages,
  SCAN_STATUSES,
  type ScanStatus,
  TASK_STATES,
  tasks,
} from './schema/exchanges.ts';
export {
  APPEND_ONLY_SQLSTATE,
  auditLog,
  auditSeals,
  type DossierEventPayload,
  dossierEvents,
} from './schema/logs.ts';
export {
  type AccountTokenPurpose,
  accountTokens,
  memberships,
  STAFF_ROLES,
  USER_KINDS,
  users,
} from './schema/people.ts';
export {
  NO_ASSIGNEE,
  NO_UNIT,
  queueCounts,
  queueDueCounts,
} from './schema/queueCounts.ts';
export { referenceRows, referenceTables } from './schema/referenceTables.ts';
export { effectRuns, idempotencyKeys } from './schema/reliability.ts';
export {
  type TenantContact,
  type TenantTheme,
  tenantHosts,
  tenants,
  units,
} from './schema/tenants.ts';
export { dossierSearch } from './search/dossierSearch.ts';
export { MissingTenantError, type TenantScope, tenantScope } from './tenancy/tenantScope.ts';
export type {
  AppDatabase,
  AppTransaction,
  Database,
  DriverKind,
  ExecuteSql,
  Schema,
  SqlResult,
  Unlisten,
} from './types.ts';
export { schema };
