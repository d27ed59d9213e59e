import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../definition/types.ts';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unsatisfiableGuard } from './unsatisfiableGuard.ts';

const withGuard = (guard: JsonSchema) =>
  lintRule(unsatisfiableGuard, (d) => {
    d.workflow.transitions[5]!.guard = guard;
  });
const at = '/workflow/transitions/5/guard';

describe('unsatisfiable-guard', () => {
  it('accepts the sample guard and satisfiable ones', () => {
    expect(lintRule(unsatisfiableGuard)).toEqual([]);
    expect(
      withGuard({ properties: { revenuMensuel: { minimum: 0, exclusiveMaximum: 0.5 } } }),
    ).toEqual([]);
    expect(withGuard({ properties: { situation: { enum: ['seul', 'veuf'] } } })).toEqual([]);
    expect(withGuard({ properties: { revenuMensuel: { type: 'integer', const: 3 } } })).toEqual([]);
    expect(withGuard(true)).toEqual([]);
    expect(withGuard({ properties: { conjoint: false } })).toEqual([]); // means "no spouse"
  });

  it('flags `false`, at the root or in allOf', () => {
    expect(pointers(withGuard(false))).toEqual([at]);
    expect(pointers(withGuard({ allOf: [{}, false] }))).toEqual([`${at}/allOf/1`]);
  });

  it('flags limits that exclude each other', () => {
    const found = withGuard({ properties: { revenuMensuel: { minimum: 2000, maximum: 1500 } } });
    expect(found[0]?.message).toBe(
      'La transition « Accepter » (accepter) ne sera jamais possible. « revenuMensuel » devrait valoir au moins 2000 et au plus 1500 : aucune valeur ne convient.',
    );
    expect(pointers(withGuard({ properties: { nom: { minLength: 3, maxLength: 2 } } }))).toEqual([
      `${at}/properties/nom`,
    ]);
    expect(
      withGuard({ properties: { revenuMensuel: { exclusiveMinimum: 5, exclusiveMaximum: 5 } } }),
    ).toHaveLength(1);
    expect(withGuard({ properties: { x: { minItems: 2, maxItems: 1 } } })).toHaveLength(1);
  });

  it('combines the guard’s limits with the form’s', () => {
    const found = withGuard({ properties: { revenuMensuel: { exclusiveMaximum: 0 } } });
    expect(found[0]?.message).toContain('au moins 0 (imposé par le formulaire) et moins de 0');
  });

  it('flags values and types the form never produces', () => {
    const veuf = withGuard({
      properties: { situation: { const: 'veuf' } },
      required: ['situation'],
    });
    expect(pointers(veuf)).toEqual([`${at}/properties/situation`]);
    expect(veuf[0]?.message).toContain(
      '« veuf », qui n’est pas proposé par le formulaire (« seul », « couple »)',
    );
    expect(withGuard({ properties: { revenuMensuel: { type: 'string' } } })[0]?.message).toContain(
      'devrait être du texte, alors que le formulaire y attend un nombre',
    );
    expect(withGuard({ properties: { revenuMensuel: { const: '1500' } } })).toHaveLength(1);
    expect(withGuard({ properties: { nom: { enum: [] } } })).toHaveLength(1);
  });

  it('flags a const outside its own enum or type', () => {
    expect(withGuard({ properties: { x: { const: 'a', enum: ['b'] } } })).toHaveLength(1);
    expect(withGuard({ properties: { x: { type: 'number', enum: ['a', 'b'] } } })).toHaveLength(1);
  });

  it('flags a required property that must be absent, and anyOf with no live branch', () => {
    expect(
      pointers(withGuard({ properties: { conjoint: false }, required: ['conjoint'] })),
    ).toEqual([`${at}/properties/conjoint`]);
    expect(pointers(withGuard({ properties: { nom: false } }))).toEqual([`${at}/properties/nom`]);
    const anyOf = withGuard({
      anyOf: [false, { properties: { situation: { const: 'x' } }, required: ['situation'] }],
    });
    expect(pointers(anyOf)).toEqual([`${at}/anyOf/1/properties/situation`, `${at}/anyOf`]);
    expect(withGuard({ anyOf: [false, {}] })).toEqual([]);
    expect(pointers(withGuard({ not: {} }))).toEqual([`${at}/not`]);
  });
});
