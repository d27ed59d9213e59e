/**
 * What other folders may import from documents; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { documentsHttpHandler } from './documentsHttpHandler.ts';
export { documentsRouter } from './documentsRouter.ts';
