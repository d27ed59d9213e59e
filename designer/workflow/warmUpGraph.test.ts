import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { LAYOUT_OPTIONS } from './elkGraph.ts';
import { warmUpGraph } from './warmUpGraph.ts';

describe('warmUpGraph', () => {
  it('is a circuit ELK lays out with the real options, loops included', async () => {
    const graph = warmUpGraph();
    expect(graph.layoutOptions).toEqual(LAYOUT_OPTIONS);
    const known = new Set(graph.children?.map((child) => child.id));
    for (const edge of graph.edges ?? []) {
      expect(known.has(edge.sources[0]!) && known.has(edge.targets[0]!)).toBe(true);
    }
    const laid = await new ELK().layout(graph);
    const columns = new Set(laid.children?.map((child) => child.x));
    // Layered left to right: the path spreads over several columns.
    expect(columns.size).toBeGreaterThan(4);
  });
});
