import type { PublishedVersion } from '../dossiers/index.ts';
import { type QueueViewer, visibleUnits } from '../queues/index.ts';

/** A state of one published version: where a dossier waits for someone. */
export interface VersionState {
  demarcheId: string;
  version: number;
  state: string;
}

/**
 * The states in which a dossier is the viewer's work, from the workflow's `owner`: an
 * active state owned by a role the viewer holds. Who among the holders of that role is
 * decided by units, split three ways:
 * - `byDossierUnit`: no owner unit, so the dossier's unit decides (the queue rule);
 * - `byOwnerUnit`: owned by a unit the viewer covers, whatever the dossier's unit;
 * - `assignedOnly`: owned by a unit the viewer does not cover: theirs only if assigned.
 *
 * @example
 * ownedStates(await publishedVersions(db, scope), agent);
 * // { byDossierUnit: [{ demarcheId, version: 1, state: 'depose' }, …], byOwnerUnit: [], assignedOnly: [] }
 */
export function ownedStates(
  versions: readonly PublishedVersion[],
  viewer: QueueViewer,
): Record<'byDossierUnit' | 'byOwnerUnit' | 'assignedOnly', VersionState[]> {
  const units = visibleUnits(viewer);
  const owned = {
    byDossierUnit: [] as VersionState[],
    byOwnerUnit: [] as VersionState[],
    assignedOnly: [] as VersionState[],
  };
  for (const { demarcheId, version, definition } of versions) {
    for (const state of definition.workflow.states) {
      const role = state.owner?.role;
      if (state.kind !== 'active' || role === undefined) continue;
      if (role !== 'admin' && role !== 'agent' && role !== 'supervisor') continue;
      if (!viewer.roles.includes(role)) continue;
      const entry = { demarcheId, version, state: state.id };
      const unit = state.owner?.unit;
      if (unit === undefined) owned.byDossierUnit.push(entry);
      else if (units === 'all' || units.includes(unit)) owned.byOwnerUnit.push(entry);
      else owned.assignedOnly.push(entry);
    }
  }
  return owned;
}
