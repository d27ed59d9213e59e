/**
 * What other folders may import from collaboration; every other file here is internal
 * to it. Named exports only, so the surface stays visible.
 */
export { collaborationRouter } from './collaborationRouter.ts';
export type { BulkJobDeps } from './performBulkJob.ts';
export { performBulkJob } from './performBulkJob.ts';
