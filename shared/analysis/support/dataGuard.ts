import type { JsonSchema, TransitionDefinition } from '../../definition/types.ts';
import { pointer } from './pointer.ts';

/**
 * The part of a transition's guard that is about the form data, and where it sits: the
 * whole guard, or under `guardOn: 'context'` its `properties.data` (the input and the
 * dossier's facts are not form fields). Undefined when there is none to judge.
 *
 * @example
 * dataGuard({ guardOn: 'context', guard: { properties: { data: { required: ['avis'] } } }, … }, 4);
 * // { schema: { required: ['avis'] }, pointer: '/workflow/transitions/4/guard/properties/data' }
 */
export function dataGuard(
  transition: TransitionDefinition,
  index: number,
): { schema: JsonSchema; pointer: string } | undefined {
  const { guard } = transition;
  if (guard === undefined) return undefined;
  if (transition.guardOn !== 'context') {
    return { schema: guard, pointer: pointer('workflow', 'transitions', index, 'guard') };
  }
  const properties = typeof guard === 'object' ? guard['properties'] : undefined;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return undefined;
  }
  const data = (properties as Record<string, unknown>)['data'];
  if (typeof data !== 'boolean' && (typeof data !== 'object' || data === null)) return undefined;
  return {
    schema: data as JsonSchema,
    pointer: pointer('workflow', 'transitions', index, 'guard', 'properties', 'data'),
  };
}
