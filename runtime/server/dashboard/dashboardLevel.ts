import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { QueueViewer } from '../queues/index.ts';
import { orderAsTree, type UnitNode, unitsOf } from '../units/index.ts';

/**
 * The set of dossiers' units a dashboard figure adds up: a unit and every unit below it
 * (a regional union and its local unions), or the whole tenant.
 * - `codes`: `'all'` (every unit and unrouted work: an admin's tenant level) or the unit
 *   codes of the level, where null stands for unrouted work (an agent's « all I see »).
 */
export interface DashboardLevel {
  unit: { code: string; name: string } | null;
  codes: 'all' | Array<string | null>;
}

/** A level the viewer may pick, in tree order, indented by `depth`. */
export interface LevelChoice {
  code: string;
  name: string;
  depth: number;
}

/** Same answer as for a unit that exists nowhere: the tenant's tree stays private. */
export const unknownLevel = (): DomainError => ({
  code: 'NOT_FOUND',
  message: 'Niveau introuvable.',
});

/**
 * The units `viewer` may open a dashboard on, in tree order: every unit for an admin,
 * otherwise the units they cover (their memberships' units and descendants, which the
 * session already lists), indented from the shallowest of them.
 *
 * @example
 * await levelChoices(db, supervisorOfAra); // [{ code: 'ur-ara', depth: 0 }, { code: 'ul-lyon-sante', depth: 1 }, …]
 */
export async function levelChoices(db: AppDatabase, viewer: QueueViewer): Promise<LevelChoice[]> {
  const tree = orderAsTree(await unitsOf(db, viewer.tenantId));
  const seen = visibleNodes(tree, viewer);
  const top = Math.min(...seen.map((node) => node.depth));
  return seen.map((node) => ({ code: node.code, name: node.name, depth: node.depth - top }));
}

/**
 * The level `unit` names for `viewer`, or NOT_FOUND when it is no unit of the tenant or
 * one the viewer does not cover (the same answer: docs/SECURITY.md §125). Without a
 * unit: the whole tenant for an admin, everything the viewer covers otherwise.
 *
 * @example
 * await resolveLevel(db, viewer, 'ur-ara'); // ok({ unit: { code: 'ur-ara', … }, codes: ['ur-ara', 'ul-lyon-sante', …] })
 */
export async function resolveLevel(
  db: AppDatabase,
  viewer: QueueViewer,
  unit: string | undefined,
): Promise<Result<DashboardLevel, DomainError>> {
  const admin = viewer.roles.includes('admin');
  const staff = admin || viewer.roles.includes('agent') || viewer.roles.includes('supervisor');
  if (!staff) return err(unknownLevel());
  if (unit === undefined) {
    return ok({ unit: null, codes: admin ? 'all' : [null, ...new Set(viewer.unitCodes)] });
  }
  if (!admin && !viewer.unitCodes.includes(unit)) return err(unknownLevel());
  const tree = orderAsTree(await unitsOf(db, viewer.tenantId));
  const chosen = tree.find((node) => node.code === unit);
  if (chosen === undefined) return err(unknownLevel());
  // Depth-first order: the subtree is the run of nodes whose path goes through it.
  const codes = tree.filter((node) => node.path.includes(unit)).map((node) => node.code);
  return ok({ unit: { code: chosen.code, name: chosen.name }, codes });
}

function visibleNodes(tree: UnitNode[], viewer: QueueViewer): UnitNode[] {
  if (viewer.roles.includes('admin')) return tree;
  if (!viewer.roles.includes('agent') && !viewer.roles.includes('supervisor')) return [];
  const covered = new Set(viewer.unitCodes);
  return tree.filter((node) => covered.has(node.code));
}
