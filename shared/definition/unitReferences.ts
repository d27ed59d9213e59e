import { pointerTo } from './jsonPointer.ts';
import type { DemarcheDefinition } from './types.ts';

/** One place of a definition that names a unit of the tenant by its code. */
export interface UnitReference {
  code: string;
  /** RFC 6901 pointer to the code itself, e.g. `/routing/1/unit`. */
  pointer: string;
}

/**
 * Every unit code the definition names, with where it names it: the owner unit, the
 * routing rules, the states' owners and the `assign` effects — each place whose schema is
 * `#/$defs/unitCode` (a unit test keeps this list and the format in step). Publishing
 * checks each against the tenant's units, since a code no unit has leaves dossiers
 * unrouted, seen by every agent.
 *
 * @example
 * unitReferences(definition);
 * // [{ code: 'ccas', pointer: '/meta/ownerUnit' }, { code: 'ccas-familles', pointer: '/routing/0/unit' }]
 */
export function unitReferences(definition: DemarcheDefinition): UnitReference[] {
  const found: UnitReference[] = [];
  const add = (code: string | undefined, pointer: string) => {
    if (code !== undefined) found.push({ code, pointer });
  };
  add(definition.meta.ownerUnit, '/meta/ownerUnit');
  definition.routing.forEach((rule, index) => {
    add(rule.unit, pointerTo('/routing', index, 'unit'));
  });
  definition.workflow.states.forEach((state, index) => {
    add(state.owner?.unit, pointerTo('/workflow/states', index, 'owner', 'unit'));
  });
  definition.workflow.transitions.forEach((transition, index) => {
    (transition.effects ?? []).forEach((effect, position) => {
      if (effect.type !== 'assign') return;
      add(effect.unit, pointerTo('/workflow/transitions', index, 'effects', position, 'unit'));
    });
  });
  return found;
}
