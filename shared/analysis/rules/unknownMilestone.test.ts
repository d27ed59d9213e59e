import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../definition/types.ts';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { unknownMilestone } from './unknownMilestone.ts';

const lint = (edit?: (d: DemarcheDefinition) => void) =>
  lintRule(unknownMilestone, edit, grantDefinition);

describe('unknown-milestone', () => {
  it('accepts a timer counted from a recorded milestone', () => {
    expect(lint()).toEqual([]);
  });

  it('reports a milestone no transition records', () => {
    const found = lint((d) => {
      d.workflow.transitions[5]!.since = 'complete';
    });
    expect(found).toMatchObject([{ pointer: '/workflow/transitions/5/since' }]);
    expect(found[0]?.message).toContain('qu’aucune transition n’enregistre');
  });

  it('reports since without after', () => {
    const found = lint((d) => {
      delete d.workflow.transitions[5]!.after;
    });
    expect(found[0]?.message).toContain('n’a pas de délai');
  });

  it('reports a state due date counted from an unknown milestone, or without sla', () => {
    const unknown = lint((d) => {
      Object.assign(d.workflow.states[2]!, { sla: 'P2M', slaSince: 'complete' });
    });
    expect(unknown).toMatchObject([{ pointer: '/workflow/states/2/slaSince' }]);
    expect(unknown[0]?.message).toContain('qu’aucune transition n’enregistre');
    const withoutSla = lint((d) => {
      d.workflow.states[2]!.slaSince = 'complet';
    });
    expect(withoutSla).toMatchObject([{ pointer: '/workflow/states/2/slaSince' }]);
    expect(withoutSla[0]?.message).toContain('n’a pas de délai (sla)');
    expect(
      lint((d) => {
        Object.assign(d.workflow.states[2]!, { sla: 'P2M', slaSince: 'complet' });
      }),
    ).toEqual([]);
  });
});
