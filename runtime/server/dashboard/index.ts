/**
 * What other folders may import from dashboard; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { dashboardRouter } from './dashboardRouter.ts';
