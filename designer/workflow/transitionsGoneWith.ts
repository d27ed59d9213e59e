import type { WorkflowDefinition } from '../../shared/definition/index.ts';

/**
 * How many transitions deleting the state takes with it: those into it, and those whose
 * only source it is (`removeState`'s rule), so the delete button can say so.
 *
 * @example
 * transitionsGoneWith(workflow, 'complement') // 2
 */
export function transitionsGoneWith(workflow: WorkflowDefinition, stateId: string): number {
  return workflow.transitions.filter(
    (transition) =>
      transition.to === stateId ||
      (transition.from !== '*' && transition.from.length === 1 && transition.from[0] === stateId),
  ).length;
}
