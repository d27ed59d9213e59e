import type { Database } from '../../../db/index.ts';
import type { TestClient } from '../../testing/testClient.ts';

/** One audit row as the suites compare it. */
export interface AuditRow {
  tenantId: string;
  actor: string;
  action: string;
  object: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit rows written while serving `client`'s last request, found by the request id
 * the server answered with (`X-Request-Id`), so the suites check the row of each call.
 *
 * @example
 * await callProcedure(citizen, entry, input);
 * expect(await auditOfLastCall(server.database, citizen)).toMatchObject([{ action: 'access.role_denied' }]);
 */
export async function auditOfLastCall(database: Database, client: TestClient): Promise<AuditRow[]> {
  const requestId = client.lastResponse()?.headers.get('x-request-id');
  if (!requestId) return [];
  const { rows } = await database.executeSql(
    `select tenant_id as "tenantId", actor, action, object, details
     from audit_log where request_id = $1 order by id`,
    [requestId],
  );
  return (rows as AuditRow[]).map((row) => ({
    ...row,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}
