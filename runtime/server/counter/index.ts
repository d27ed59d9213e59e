/**
 * What other folders may import from counter; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

export { counterUploadContext } from './actForApplicant.ts';
export { counterRouter } from './counterRouter.ts';
