import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { describeLocation } from './describeLocation.ts';

describe('describeLocation', () => {
  it.each([
    ['', 'La définition', []],
    ['/meta/slug', 'Les informations générales (meta)', ['slug']],
    ['/workflow/transitions/5/to', 'La transition « accepter »', ['to']],
    ['/workflow/transitions/5/from/0', 'La transition « accepter »', ['from', '0']],
    [
      '/workflow/transitions/5/effects/2/url',
      'L’effet n° 3 de la transition « accepter »',
      ['url'],
    ],
    [
      '/workflow/transitions/0/effects/1/to/kind',
      'Le destinataire de l’effet n° 2 de la transition « deposer »',
      ['kind'],
    ],
    ['/workflow/states/0/editable/0', 'La règle de modification n° 1 de l’état « brouillon »', []],
    ['/routing/1/unit', 'La règle d’aiguillage « defaut »', ['unit']],
    ['/letters/1', 'Le modèle de courrier « refus »', []],
    ['/workflow/transitions/42/to', 'La transition n° 43', ['to']],
    ['/unknown/path', 'La définition', ['unknown', 'path']],
  ])('%s → %s', (pointer, subject, rest) => {
    expect(describeLocation(socialAidDefinition, pointer)).toEqual({ subject, rest });
  });

  it('falls back to the rank when an id is not a usable name', () => {
    const definition = { workflow: { states: [{ id: 42 }, { id: '' }] } };
    expect(describeLocation(definition, '/workflow/states/0').subject).toBe('L’état n° 1');
    expect(describeLocation(definition, '/workflow/states/1').subject).toBe('L’état n° 2');
  });
});
