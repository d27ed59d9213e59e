import { and, eq, inArray, ne } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantHosts, tenants } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { isUniqueViolation } from '../core/sqlState.ts';
import { inTransaction } from '../dossiers/index.ts';
import type { SettingsContext } from './settingsContext.ts';
import { readSettings, type TenantSettingsView } from './tenantSettings.ts';

/**
 * Replaces the addresses the collectivité's apps answer on (`mairie-exemple.guichet.fr`,
 * checked by the input schema). An address already another tenant's is refused
 * (CONFLICT, naming it): one host, one tenant (`tenant_hosts_host_key`). Two tenants
 * claiming one host at the same moment both pass that check; the unique key lets one in
 * and the other is refused the same way, with nothing of its list written. Two saves of
 * the same tenant (two tabs) take turns, the last one's list standing, as one after the
 * other. Audited with before/after. The caller then forgets its process's host memo
 * (`deps.hostTenants`); other processes see the change within 10 s.
 *
 * @example
 * await setTenantHosts(context, ['mairie-exemple.guichet.fr']);
 */
export async function setTenantHosts(
  context: SettingsContext,
  hosts: string[],
): Promise<Result<TenantSettingsView, DomainError>> {
  const tenantId = context.session.tenantId;
  try {
    return await inTransaction(context.db, async (tx) => {
      // The tenant's row is the turnstile for its own saves: without it, two tabs each
      // deleting the list then inserting theirs would collide on the primary key. NO KEY
      // UPDATE leaves the foreign-key checks of the tenant's other writes (dossiers,
      // sessions: KEY SHARE on this row) unblocked.
      await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(eq(tenants.id, tenantId))
        .for('no key update');
      const taken = await firstHostOfAnother(tx, tenantId, hosts);
      if (taken !== undefined) return err(takenByAnother(taken));
      const before = (await readSettings(tx, tenantId)).hosts;
      await tx.delete(tenantHosts).where(eq(tenantHosts.tenantId, tenantId));
      if (hosts.length > 0) {
        // In one order for everybody: two claims of the same hosts listed the other way
        // round wait on each other in turn instead of deadlocking.
        const rows = [...hosts].sort().map((host) => ({ tenantId, host }));
        await tx.insert(tenantHosts).values(rows);
      }
      const after = await readSettings(tx, tenantId);
      await recordSessionAudit(tx, context, {
        action: 'tenant.hosts_changed',
        object: `tenant:${tenantId}`,
        details: { before, after: after.hosts },
      });
      return ok(after);
    });
  } catch (error) {
    // Another tenant's claim committed one of these hosts while this one ran: named
    // as the check above would have, now that it is there to be read.
    if (!isUniqueViolation(error, 'tenant_hosts_host_key')) throw error;
    const taken = await firstHostOfAnother(context.db, tenantId, hosts);
    return err(taken === undefined ? takenMeanwhile() : takenByAnother(taken));
  }
}

/** The first of `hosts` another tenant holds, if any. */
async function firstHostOfAnother(
  db: AppDatabase,
  tenantId: string,
  hosts: string[],
): Promise<string | undefined> {
  if (hosts.length === 0) return undefined;
  const taken = await db
    .select({ host: tenantHosts.host })
    .from(tenantHosts)
    .where(and(inArray(tenantHosts.host, hosts), ne(tenantHosts.tenantId, tenantId)))
    .orderBy(tenantHosts.host)
    .limit(1);
  return taken[0]?.host;
}

function takenByAnother(host: string): DomainError {
  const message = `L’adresse ${host} est déjà celle d’une autre collectivité.`;
  return { code: 'CONFLICT', message, fieldErrors: { hosts: [message] } };
}

/** The host was taken, then given up again, before the refusal could name it. */
function takenMeanwhile(): DomainError {
  const message =
    'Une de ces adresses vient d’être enregistrée par une autre collectivité : réessayez.';
  return { code: 'CONFLICT', message, fieldErrors: { hosts: [message] } };
}
