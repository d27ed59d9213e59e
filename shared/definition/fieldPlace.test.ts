import { describe, expect, it } from 'vitest';
import { fieldPlace } from './fieldPlace.ts';

describe('fieldPlace', () => {
  it.each([
    ['/s/properties/adresse/properties/codePostal/pattern', ', champ « adresse.codePostal »'],
    ['/s/properties/properties/type', ', champ « properties »'],
    ['/s/properties/a~1b/format', ', champ « a/b »'],
    ['/s/properties', ''],
    ['/s/allOf/0/pattern', ''],
    ['/s', ''],
  ])('%s → %j', (pointer, place) => {
    expect(fieldPlace('/s', pointer)).toBe(place);
  });
});
