import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../../shared/definition/index.ts';
import { freshId } from './freshId.ts';

describe('freshId', () => {
  it('turns a French label into an identifier the format accepts', () => {
    expect(freshId('En attente de pièces', [])).toBe('en_attente_de_pieces');
    expect(freshId('Déposé', [])).toBe('depose');
    expect(freshId('  2e passage — Commission  ', [])).toBe('e_passage_commission');
  });

  it('adds a suffix until the id is free', () => {
    expect(freshId('Déposé', ['depose', 'depose_2'])).toBe('depose_3');
  });

  it('falls back when the label has no letter, and stays within 64 characters', () => {
    expect(freshId('123', [], 'transition')).toBe('transition');
    const long = freshId('a'.repeat(200), []);
    expect(long.length).toBeLessThanOrEqual(64);
    for (const id of [long, freshId('123', []), freshId('Étape « spéciale » !', [])])
      expect(id).toMatch(new RegExp(definitionSchema.$defs.identifier.pattern));
  });
});
