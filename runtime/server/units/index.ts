/**
 * What other folders may import from units; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

export type { UnitNode } from './listUnitTree.ts';
export { orderAsTree } from './listUnitTree.ts';
export { unitsOf } from './unitQueries.ts';
export { unitsRouter } from './unitsRouter.ts';
