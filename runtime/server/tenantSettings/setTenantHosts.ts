import { and, eq, inArray, ne } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantHosts } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import type { SettingsContext } from './settingsContext.ts';
import { readSettings, type TenantSettingsView } from './tenantSettings.ts';

/**
 * Replaces the addresses the collectivité's apps answer on (`mairie-exemple.guichet.fr`,
 * checked by the input schema). An address already another tenant's is refused
 * (CONFLICT, naming it): one host, one tenant (`tenant_hosts_host_key`). Audited with
 * before/after. The caller then forgets its process's host memo (`deps.hostTenants`);
 * other processes see the change within 10 s.
 *
 * @example
 * await setTenantHosts(context, ['mairie-exemple.guichet.fr']);
 */
export function setTenantHosts(
  context: SettingsContext,
  hosts: string[],
): Promise<Result<TenantSettingsView, DomainError>> {
  const tenantId = context.session.tenantId;
  return inTransaction(context.db, async (tx) => {
    const taken =
      hosts.length === 0
        ? []
        : await tx
            .select({ host: tenantHosts.host })
            .from(tenantHosts)
            .where(and(inArray(tenantHosts.host, hosts), ne(tenantHosts.tenantId, tenantId)));
    if (taken.length > 0) {
      const message = `L’adresse ${taken[0]!.host} est déjà celle d’une autre collectivité.`;
      return err({ code: 'CONFLICT', message, fieldErrors: { hosts: [message] } });
    }
    const before = (await readSettings(tx, tenantId)).hosts;
    await tx.delete(tenantHosts).where(eq(tenantHosts.tenantId, tenantId));
    if (hosts.length > 0) {
      await tx.insert(tenantHosts).values(hosts.map((host) => ({ tenantId, host })));
    }
    const after = await readSettings(tx, tenantId);
    await recordSessionAudit(tx, context, {
      action: 'tenant.hosts_changed',
      object: `tenant:${tenantId}`,
      details: { before, after: after.hosts },
    });
    return ok(after);
  });
}
