import { describe, expect, it } from 'vitest';
import { closestName } from './closestName.ts';

describe('closestName', () => {
  const keywords = ['minLength', 'maxLength', 'minimum', 'pattern', 'properties', 'required'];

  it.each([
    ['minLenght', 'minLength'],
    ['MinLength', 'minLength'],
    ['patern', 'pattern'],
    ['propreties', 'properties'],
    ['requird', 'required'],
  ])('suggests %s → %s', (typo, meant) => {
    expect(closestName(typo, keywords)).toBe(meant);
  });

  it('suggests nothing for a different word or a short one', () => {
    expect(closestName('widget', keywords)).toBeUndefined();
    expect(closestName('to', ['by', 'id'])).toBeUndefined();
  });
});
