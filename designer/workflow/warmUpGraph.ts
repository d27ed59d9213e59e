import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { LAYOUT_OPTIONS } from './elkGraph.ts';
import { NODE_SIZE } from './flowOfWorkflow.ts';

const STATES = 16;

/**
 * A sample circuit for the layout worker to warm up on: a path of 16 states, with
 * shortcuts forward and loops back (requests for complement), laid out with the same
 * options as a real one, so ELK runs the same code.
 *
 * @example
 * await new ELK().layout(warmUpGraph());
 */
export function warmUpGraph(): ElkNode {
  const ids = Array.from({ length: STATES }, (_, index) => `etat_${index}`);
  const edges = ids.flatMap((id, index) =>
    [ids[index + 1], ids[index + 3], index >= 2 ? ids[index - 2] : undefined]
      .filter((target): target is string => target !== undefined)
      .map((target) => ({ id: `${id}>${target}`, sources: [id], targets: [target] })),
  );
  return {
    id: 'echauffement',
    layoutOptions: { ...LAYOUT_OPTIONS },
    children: ids.map((id) => ({ id, ...NODE_SIZE })),
    edges,
  };
}
