import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { elkGraphOf, placeMissing, positionsOfElk } from './elkGraph.ts';
import { flowOfWorkflow, NODE_SIZE, sourcesOf } from './flowOfWorkflow.ts';

const workflow = socialAidDefinition.workflow;

describe('flowOfWorkflow', () => {
  it('draws one node per state with its nature and a French aria label', () => {
    const { nodes } = flowOfWorkflow(workflow, {});
    expect(nodes.map((node) => node.id)).toEqual(workflow.states.map((state) => state.id));
    const draft = nodes.find((node) => node.id === 'brouillon')!;
    expect(draft.data.initial).toBe(true);
    expect(draft.ariaLabel).toBe('État « Brouillon », brouillon, état initial');
    expect(nodes.find((node) => node.id === 'accepte')?.ariaLabel).toBe(
      'État « Accepté », final (accepté)',
    );
  });

  it('takes saved positions first, then the automatic ones', () => {
    const laidOut: WorkflowDefinition = {
      ...workflow,
      layout: { positions: { depose: { x: 7, y: 9 } } },
    };
    const { nodes } = flowOfWorkflow(laidOut, {
      depose: { x: 1, y: 1 },
      brouillon: { x: 3, y: 4 },
    });
    expect(nodes.find((node) => node.id === 'depose')?.position).toEqual({ x: 7, y: 9 });
    expect(nodes.find((node) => node.id === 'brouillon')?.position).toEqual({ x: 3, y: 4 });
  });

  it('draws a transition once per source, a global one from every other active state', () => {
    const { edges } = flowOfWorkflow(workflow, {});
    const withdraw = edges.filter((edge) => edge.data?.transition.id === 'retirer');
    const active = workflow.states
      .filter((state) => state.kind === 'active')
      .map((state) => state.id);
    expect(withdraw.map((edge) => edge.source).sort()).toEqual(active.sort());
    expect(withdraw[0]?.className).toBe('transition-globale');
    const timer = edges.find((edge) => edge.data?.transition.id === 'expirer')!;
    expect(timer.label).toMatch(/\(après \d+ jours\)$/);
    expect(timer.ariaLabel).toBe(
      'Transition « ' +
        timer.data?.transition.label +
        ' » de « En attente de complément » vers « Refusé »',
    );
    expect(new Set(edges.map((edge) => edge.id)).size).toBe(edges.length);
  });

  it('leaves out edges to or from a state that does not exist (a JSON edit in progress)', () => {
    const broken: WorkflowDefinition = {
      ...workflow,
      transitions: [{ id: 'x', label: 'X', from: ['ghost'], to: 'depose', by: ['agent'] }],
    };
    expect(flowOfWorkflow(broken, {}).edges).toEqual([]);
    expect(sourcesOf(broken.transitions[0]!, broken)).toEqual(['ghost']);
  });
});

describe('automatic layout (ELK, run here without the worker)', () => {
  it('lays the draft out first, left to right, with no two nodes overlapping', async () => {
    const positions = positionsOfElk(await new ELK().layout(elkGraphOf(workflow)));
    expect(Object.keys(positions).sort()).toEqual(workflow.states.map((s) => s.id).sort());
    const xs = Object.values(positions).map((p) => p.x);
    expect(positions['brouillon']?.x).toBe(Math.min(...xs));
    const boxes = Object.values(positions);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          Math.abs(a.x - b.x) >= NODE_SIZE.width || Math.abs(a.y - b.y) >= NODE_SIZE.height,
        ).toBe(true);
  });

  it('places only the states without a saved position, below the hand-placed ones', () => {
    const partly: WorkflowDefinition = {
      ...workflow,
      layout: { positions: { brouillon: { x: 0, y: 300 }, depose: { x: 300, y: 0 } } },
    };
    const laid = Object.fromEntries(
      workflow.states.map((s, i) => [s.id, { x: i * 10, y: 20 + i }]),
    );
    const placed = placeMissing(partly, laid);
    expect(Object.keys(placed)).not.toContain('brouillon');
    expect(Object.keys(placed)).not.toContain('depose');
    expect(Object.keys(placed)).toHaveLength(workflow.states.length - 2);
    for (const position of Object.values(placed))
      expect(position.y).toBeGreaterThanOrEqual(300 + NODE_SIZE.height);
    // With nothing saved, ELK's positions are taken as they are.
    expect(placeMissing(workflow, laid)).toEqual(laid);
  });
});
