import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../definition/types.ts';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { dueTimers } from './dueTimers.ts';
import { dossierIn } from './testing/fixtures.ts';

describe('dueTimers', () => {
  it('lists the timers of the current state, from the time it was entered', () => {
    const dossier = dossierIn('complement', { enteredStateAt: '2026-03-01T09:00:00.000Z' });
    expect(dueTimers(definition, dossier)).toEqual([
      { transition: 'expirer', at: '2026-03-31T09:00:00.000Z' },
    ]);
  });

  it('lists nothing for states without timers, final or undeclared states', () => {
    for (const state of ['brouillon', 'en_instruction', 'refuse', 'disparu']) {
      expect(dueTimers(definition, dossierIn(state))).toEqual([]);
    }
  });

  it('includes global timers in active states only', () => {
    const withHold: DemarcheDefinition = {
      ...definition,
      workflow: {
        ...definition.workflow,
        transitions: [
          ...definition.workflow.transitions,
          {
            id: 'relancer',
            label: 'Relance',
            from: '*',
            to: 'en_instruction',
            by: ['system'],
            after: 'PT48H',
          },
        ],
      },
    };
    const entered = '2026-01-30T12:00:00.000Z';
    expect(dueTimers(withHold, dossierIn('depose', { enteredStateAt: entered }))).toEqual([
      { transition: 'relancer', at: '2026-02-01T12:00:00.000Z' },
    ]);
    expect(dueTimers(withHold, dossierIn('brouillon', { enteredStateAt: entered }))).toEqual([]);
  });
});
