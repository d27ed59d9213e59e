import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { NodePosition, WorkflowDefinition } from '../../shared/definition/index.ts';
import { edgeIdOf, NODE_SIZE, sourcesOf } from './flowOfWorkflow.ts';

/**
 * ELK's layered algorithm, left to right: a démarche reads as a path from the draft to
 * its final states, loops (requests for complement) drawn back.
 *
 * Thoroughness 3 rather than ELK's 7: on the templates' circuits it draws the same
 * crossings, and on 60 states / 150 transitions it takes about half the time (the
 * worker's first layouts run before the JIT has warmed up, where the extra passes cost
 * most); 7 untangled that dense graph a little more (145 crossings against 183).
 */
export const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '3',
} as const;

/**
 * The workflow as ELK's input graph: states as fixed-size nodes, one edge per transition
 * and source (global transitions included, so their target lands after the states they
 * leave). Plain JSON: it crosses to the layout worker by `postMessage`.
 *
 * @example
 * const laid = await new ELK().layout(elkGraphOf(definition.workflow));
 */
export function elkGraphOf(workflow: WorkflowDefinition): ElkNode {
  const known = new Set(workflow.states.map((state) => state.id));
  return {
    id: 'workflow',
    layoutOptions: { ...LAYOUT_OPTIONS },
    children: workflow.states.map((state) => ({ id: state.id, ...NODE_SIZE })),
    edges: workflow.transitions.flatMap((transition) =>
      sourcesOf(transition, workflow)
        .filter((source) => known.has(source) && known.has(transition.to))
        .map((source) => ({
          id: edgeIdOf(transition.id, source),
          sources: [source],
          targets: [transition.to],
        })),
    ),
  };
}

/** Each node's top-left corner in ELK's result, keyed by state id. */
export function positionsOfElk(laid: ElkNode): Record<string, NodePosition> {
  return Object.fromEntries(
    (laid.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
}

/**
 * Where states without a saved position go: ELK's positions for them, moved below the
 * states the admin placed by hand so none lands on top of one. Saved positions are never
 * touched here; only the « Réorganiser » button replaces them.
 *
 * @example
 * placeMissing(definition.workflow, positionsOfElk(laid)) // { nouvel_etat: { x, y } }
 */
export function placeMissing(
  workflow: WorkflowDefinition,
  laidOut: Readonly<Record<string, NodePosition>>,
): Record<string, NodePosition> {
  const saved = workflow.layout?.positions ?? {};
  const missing = workflow.states.map((state) => state.id).filter((id) => !(id in saved));
  const manual = Object.values(saved);
  const below =
    manual.length === 0
      ? 0
      : Math.max(...manual.map((position) => position.y)) + NODE_SIZE.height + 48;
  const top = Math.min(...missing.map((id) => laidOut[id]?.y ?? 0));
  return Object.fromEntries(
    missing.map((id) => {
      const position = laidOut[id] ?? { x: 0, y: 0 };
      return [
        id,
        { x: position.x, y: manual.length === 0 ? position.y : position.y - top + below },
      ];
    }),
  );
}
