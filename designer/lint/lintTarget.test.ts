import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { lintTarget } from './lintTarget.ts';

describe('lintTarget', () => {
  it('opens a field of the form from its schema, its UI entry or its computed value', () => {
    expect(
      lintTarget('/form/schema/properties/revenuMensuel/minimum', socialAidDefinition),
    ).toEqual({
      tab: 'form',
      field: 'revenuMensuel',
      label: 'Champ « Revenu mensuel (€) »',
    });
    expect(lintTarget('/form/uiSchema/nom', socialAidDefinition)).toMatchObject({ field: 'nom' });
    const computed = { ...socialAidDefinition, computed: [{ field: 'nom', expression: 1 }] };
    expect(lintTarget('/computed/0/expression', computed)).toMatchObject({
      tab: 'form',
      field: 'nom',
    });
  });

  it('opens the general information at the property at fault', () => {
    expect(lintTarget('/meta/referencePrefix', socialAidDefinition)).toEqual({
      tab: 'form',
      meta: 'referencePrefix',
      label: 'Informations générales',
    });
    expect(lintTarget('/meta', socialAidDefinition)).toEqual({
      tab: 'form',
      label: 'Informations générales',
    });
  });

  it('opens a state or a transition of the circuit by its id', () => {
    expect(lintTarget('/workflow/states/1/sla', socialAidDefinition)).toEqual({
      tab: 'circuit',
      state: 'depose',
      label: 'État « Déposé »',
    });
    expect(lintTarget('/workflow/transitions/0', socialAidDefinition)).toMatchObject({
      tab: 'circuit',
      transition: 'deposer',
    });
  });

  it('sends anything else to the JSON tab at its pointer', () => {
    expect(lintTarget('/notifications/0/body', socialAidDefinition)).toEqual({
      tab: 'json',
      pointer: '/notifications/0/body',
      label: 'JSON /notifications/0/body',
    });
    expect(lintTarget('/workflow/states/99', socialAidDefinition)).toMatchObject({
      tab: 'circuit',
    });
  });
});
