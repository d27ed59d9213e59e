import type { StateKind } from '../../../shared/definition/types.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { publishedVersions } from './publishedVersions.ts';

export interface QueueState {
  /** States belong to their démarche: two démarches may use the same id for different states. */
  demarcheId: string;
  demarcheTitle: string;
  id: string;
  label: string;
  kind: StateKind;
}

/**
 * The démarches in scope (one, or every démarche of the tenant with a published
 * version) and the states their dossiers can be in outside drafts, per démarche (a state
 * id means nothing outside its démarche: APA's `depose` is not the union's), in
 * definition order, the latest version's label and title winning when versions disagree.
 *
 * @example
 * const { demarcheIds, states } = await queueStates(db, scope, demarcheId);
 */
export async function queueStates(
  db: AppDatabase,
  scope: TenantScope,
  demarcheId: string | undefined,
): Promise<{ demarcheIds: string[]; states: QueueState[] }> {
  const versions = await publishedVersions(db, scope, demarcheId);
  const states = new Map<string, QueueState>();
  for (const published of versions) {
    for (const state of published.definition.workflow.states) {
      if (state.kind === 'draft') continue;
      // Later versions come last: a Map keeps the first position and takes the new label.
      states.set(`${published.demarcheId}:${state.id}`, {
        demarcheId: published.demarcheId,
        demarcheTitle: published.title,
        id: state.id,
        label: state.label,
        kind: state.kind,
      });
    }
  }
  return {
    demarcheIds: [...new Set(versions.map((v) => v.demarcheId))],
    states: [...states.values()],
  };
}
