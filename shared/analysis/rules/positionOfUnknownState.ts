import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { isObject, objectEntries } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `position-of-unknown-state`: the workflow graph's layout places a state the definition
 * does not declare — left behind when a state was renamed or deleted outside the studio.
 * Harmless to dossiers (the layout only draws the graph), hence a warning; the studio
 * drops such positions when it next saves.
 *
 * @example
 * // layout.positions: { instruction: { x: 0, y: 0 } } while the state is `en_instruction`:
 * // { rule: 'position-of-unknown-state', pointer: '/workflow/layout/positions/instruction', … }
 */
export const positionOfUnknownState: LintRule = {
  id: 'position-of-unknown-state',
  severity: 'warning',
  description: 'La disposition du graphe place un état qui n’est pas déclaré.',
  check(context, report) {
    const workflow = context.definition.workflow;
    const layout = isObject(workflow) ? workflow.layout : undefined;
    const positions = isObject(layout) ? layout.positions : undefined;
    for (const [stateId] of objectEntries(positions)) {
      if (context.stateById.has(stateId)) continue;
      report(
        pointer('workflow', 'layout', 'positions', stateId),
        `La disposition du graphe place l’état ${quote(stateId)}, qui n’est pas déclaré dans les états du circuit.`,
      );
    }
  },
};
