/**
 * What other folders may import from tenantSettings; every other file here is internal
 * to it. Named exports only, so the surface stays visible.
 */
export { tenantRouter } from './tenantRouter.ts';
