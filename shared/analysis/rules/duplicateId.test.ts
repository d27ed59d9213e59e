import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { duplicateId } from './duplicateId.ts';

describe('duplicate-id', () => {
  it('accepts the sample', () => {
    expect(lintRule(duplicateId)).toEqual([]);
  });

  it('flags every repeated id after the first, in each list', () => {
    const found = lintRule(duplicateId, (d) => {
      d.workflow.states.push({ ...d.workflow.states[1]! });
      d.workflow.transitions[2]!.id = 'deposer';
      d.routing[1]!.id = 'couples';
      d.notifications.push({ ...d.notifications[0]! });
      d.letters[1]!.id = 'accord';
      d.form.pages = [
        { id: 'p', title: 'Identité', fields: ['nom'] },
        { id: 'p', title: 'Revenus', fields: ['revenuMensuel'] },
      ];
      d.dataSources = [
        { id: 'communes', kind: 'table', table: 'communes' },
        { id: 'communes', kind: 'table', table: 'communes' },
      ];
      d.computed = [
        { field: 'nom', expression: 'x' },
        { field: 'nom', expression: 'y' },
      ];
      d.tests = [
        { id: 't', name: 'a', data: {}, steps: [] },
        { id: 't', name: 'b', data: {}, steps: [] },
      ];
    });
    expect(pointers(found)).toEqual([
      '/workflow/states/7/id',
      '/workflow/transitions/2/id',
      '/form/pages/1/id',
      '/routing/1/id',
      '/notifications/3/id',
      '/letters/1/id',
      '/dataSources/1/id',
      '/tests/1/id',
      '/computed/1/field',
    ]);
    expect(found[0]?.message).toBe(
      'L’identifiant « depose » est déjà utilisé par un autre état (en position 2) : chaque identifiant doit être unique.',
    );
  });

  it('lets a notification and a letter share an id (effects say which kind)', () => {
    expect(
      lintRule(duplicateId, (d) => {
        d.letters[0]!.id = 'decision';
      }),
    ).toEqual([]);
  });
});
