/**
 * What other folders may import from timers; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { fireDueTimers } from './fireDueTimers.ts';
export { startTimerLoop } from './startTimerLoop.ts';
