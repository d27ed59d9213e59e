import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../shared/analysis/index.ts';
import { loadDefinition } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { applyDraftChange } from '../editing/index.ts';
import { FIELD_KINDS, fieldKindOf } from './fieldKinds.ts';
import { newField } from './newField.ts';

describe('the palette’s field kinds', () => {
  it.each(FIELD_KINDS.map((info) => [info.kind]))(
    'a new %s field keeps the démarche valid and free of lint errors',
    (kind) => {
      const field = newField(socialAidDefinition, kind);
      const definition = applyDraftChange(socialAidDefinition, { type: 'addField', field });
      const loaded = loadDefinition(definition);
      expect(loaded.ok ? [] : loaded.error).toEqual([]);
      const errors = lintDefinition(definition).filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
    },
  );

  it('reads back each kind from what it wrote, with or without x-kind', () => {
    for (const info of FIELD_KINDS) {
      const field = newField(socialAidDefinition, info.kind);
      expect(fieldKindOf(field.schema, field.ui)).toBe(info.kind);
      const { 'x-kind': _kind, ...plainUi } = field.ui ?? {};
      expect(fieldKindOf(field.schema, plainUi)).toBe(info.kind);
    }
  });

  it('names a new field uniquely', () => {
    const first = newField(socialAidDefinition, 'amount');
    const added = applyDraftChange(socialAidDefinition, { type: 'addField', field: first });
    expect(newField(added, 'amount').name).toBe('montant2');
  });
});
