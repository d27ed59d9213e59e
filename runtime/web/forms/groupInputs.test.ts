import { describe, expect, it } from 'vitest';
import { type GroupSource, groupInputs, sameInputs } from './groupInputs.ts';
import type { FieldGroup } from './pageGroups.ts';

const identite: FieldGroup = { id: 'identite', title: 'Identité', fields: ['nom', 'prenom'] };
const foyer: FieldGroup = { id: 'foyer', title: 'Foyer', fields: ['situation', 'conjoint'] };

function form(): GroupSource {
  return {
    schema: {
      type: 'object',
      properties: {
        nom: { type: 'string', title: 'Nom' },
        prenom: { type: 'string', title: 'Prénom' },
        situation: { type: 'string', enum: ['seul', 'couple'] },
        conjoint: { type: 'string', title: 'Conjoint' },
      },
      required: ['nom', 'conjoint'],
      if: { properties: { situation: { const: 'couple' } } },
      then: { required: ['conjoint'] },
    },
    uiSchema: { nom: { 'ui:help': 'Comme sur vos papiers.' } },
    computed: new Set(),
  };
}

/** The form after one field's schema is replaced, the rest shared (as the studio's reducer does). */
function withField(source: GroupSource, name: string, schema: unknown): GroupSource {
  const root = source.schema as { properties: Record<string, unknown> };
  return {
    ...source,
    schema: { ...root, properties: { ...root.properties, [name]: schema } },
  };
}

function same(a: GroupSource, b: GroupSource, group: FieldGroup): boolean {
  return sameInputs(groupInputs(a, group, ['situation']), groupInputs(b, group, ['situation']));
}

describe('groupInputs: when a group of a new form can keep what it was built with', () => {
  it('a field edited elsewhere leaves a group as it was; its own group is rebuilt', () => {
    const before = form();
    const after = withField(before, 'prenom', { type: 'string', title: 'Prénom usuel' });
    expect(same(before, after, foyer)).toBe(true);
    expect(same(before, after, identite)).toBe(false);
  });

  it('a UI entry, a required flag or a computed flag of its fields rebuilds the group', () => {
    const before = form();
    expect(
      same(before, { ...before, uiSchema: { ...before.uiSchema, prenom: {} } }, identite),
    ).toBe(false);
    const required = { ...(before.schema as object), required: ['nom', 'prenom', 'conjoint'] };
    expect(same(before, { ...before, schema: required }, identite)).toBe(false);
    expect(same(before, { ...before, schema: required }, foyer)).toBe(true);
    expect(same(before, { ...before, computed: new Set(['conjoint']) }, foyer)).toBe(false);
    expect(same(before, { ...before, computed: new Set(['conjoint']) }, identite)).toBe(true);
  });

  it('a new condition, new sources, another title or other fields rebuild every group', () => {
    const before = form();
    const condition = { ...(before.schema as object), then: { required: ['nom'] } };
    expect(same(before, { ...before, schema: condition }, identite)).toBe(false);
    expect(same(before, { ...before, sources: [] }, identite)).toBe(false);
    const groupInputsOf = (group: FieldGroup) => groupInputs(before, group, ['situation']);
    expect(sameInputs(groupInputsOf(identite), groupInputsOf({ ...identite, title: 'Vous' }))).toBe(
      false,
    );
    expect(
      sameInputs(groupInputsOf(identite), groupInputsOf({ ...identite, fields: ['nom'] })),
    ).toBe(false);
    expect(
      sameInputs(
        groupInputs(before, identite, ['situation']),
        groupInputs(before, identite, ['nom']),
      ),
    ).toBe(false);
  });
});
