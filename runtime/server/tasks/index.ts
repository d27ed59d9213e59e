/**
 * What other folders may import from tasks; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { listMyTasks, myTasksInput } from './listMyTasks.ts';
export { toTaskItems } from './taskItems.ts';
export { tasksRouter } from './tasksRouter.ts';
