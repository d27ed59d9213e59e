/**
 * What other folders may import from messages; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { messagesRouter } from './messagesRouter.ts';
