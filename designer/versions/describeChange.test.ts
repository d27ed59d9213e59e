import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { describeChange } from './describeChange.ts';

describe('describeChange', () => {
  it('names the field and shows a short value before and after', () => {
    expect(
      describeChange(
        {
          kind: 'changed',
          path: '/form/schema/properties/nom/title',
          before: 'Nom',
          after: 'Nom de famille',
        },
        socialAidDefinition,
        null,
      ),
    ).toEqual({
      subject: 'Champ « Nom »',
      text: 'modification de title : « Nom » → « Nom de famille »',
    });
  });

  it('names a removed state from the older document', () => {
    const newer = {
      ...socialAidDefinition,
      workflow: {
        ...socialAidDefinition.workflow,
        states: socialAidDefinition.workflow.states.slice(0, 1),
      },
    };
    expect(
      describeChange(
        { kind: 'removed', path: '/workflow/states/1', before: {} },
        newer,
        socialAidDefinition,
      ),
    ).toEqual({ subject: 'État « Déposé »', text: 'suppression' });
  });

  it('reads an added transition as a whole', () => {
    expect(
      describeChange(
        { kind: 'added', path: '/workflow/transitions/0', after: {} },
        socialAidDefinition,
        null,
      ),
    ).toMatchObject({ subject: 'Transition « Déposer ma demande »', text: 'ajout' });
  });

  it('says the order and a section’s field list changed, without indexes', () => {
    expect(
      describeChange(
        { kind: 'added', path: '/form/uiSchema/ui:order/4', after: 'x' },
        socialAidDefinition,
        null,
      ),
    ).toEqual({ subject: 'Ordre des champs', text: 'modifié' });
    const sectioned = {
      ...socialAidDefinition,
      form: {
        ...socialAidDefinition.form,
        sections: [{ id: 's', title: 'Foyer', fields: ['nom'] }],
      },
    };
    expect(
      describeChange(
        { kind: 'added', path: '/form/sections/0/fields/1', after: 'x' },
        sectioned,
        null,
      ),
    ).toEqual({ subject: 'Section « Foyer »', text: 'liste de ses champs modifiée' });
    expect(
      describeChange(
        { kind: 'added', path: '/form/uiSchema/nom', after: {} },
        socialAidDefinition,
        null,
      ),
    ).toEqual({ subject: 'Champ « Nom »', text: 'ajout de sa présentation' });
  });
});
