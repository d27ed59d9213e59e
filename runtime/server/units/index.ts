/**
 * What other folders may import from units; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { unitsRouter } from './unitsRouter.ts';
