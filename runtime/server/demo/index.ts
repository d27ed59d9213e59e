/**
 * What other folders may import from demo; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { insertPublishedDemarche } from './insertPublishedDemarche.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT, seedDemo } from './seedDemo.ts';
