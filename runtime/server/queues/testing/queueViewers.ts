import type { SeededTenant } from '../../testing/seedTenant.ts';
import type { QueueViewer } from '../queueViewer.ts';

/**
 * The viewers of a seeded tenant as `loadSessionActor` resolves them: the admin holds a
 * membership without unit (so covers every unit), the agent and the supervisor cover
 * `ccas` and its child `ccas-familles`, `agentMairie` covers `mairie` only.
 *
 * @example
 * await listQueue({ db, viewer: queueViewers(world).agent, now }, query);
 */
export function queueViewers(
  world: SeededTenant,
): Record<'admin' | 'agent' | 'supervisor' | 'agentMairie', QueueViewer> {
  const { tenantId, accounts } = world;
  return {
    admin: {
      tenantId,
      userId: accounts.admin.id,
      roles: ['admin'],
      unitCodes: ['ccas', 'ccas-familles', 'mairie'],
    },
    agent: {
      tenantId,
      userId: accounts.agent.id,
      roles: ['agent'],
      unitCodes: ['ccas', 'ccas-familles'],
    },
    supervisor: {
      tenantId,
      userId: accounts.supervisor.id,
      roles: ['supervisor'],
      unitCodes: ['ccas', 'ccas-familles'],
    },
    agentMairie: {
      tenantId,
      userId: accounts.agentMairie.id,
      roles: ['agent'],
      unitCodes: ['mairie'],
    },
  };
}
