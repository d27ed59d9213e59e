import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { validateDefinition } from './validateDefinition.ts';

function withFileField(xFile: unknown): unknown {
  const definition = structuredClone(socialAidDefinition);
  const schema = definition.form.schema as { properties: Record<string, unknown> };
  schema.properties['enfants'] = {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        certificat: {
          type: 'array',
          items: { type: 'string', format: 'attachment-id' },
          minItems: 1,
          'x-file': xFile,
        },
      },
    },
  };
  return definition;
}

describe('file fields in a definition (format v2, optional)', () => {
  it('accepts a file field inside a repeated group', () => {
    const result = validateDefinition(
      withFileField({ accept: ['application/pdf', 'image/*'], maxBytes: 2_000_000 }),
    );
    expect(result.ok).toBe(true);
  });

  it('places a mistyped option on the form schema', () => {
    const result = validateDefinition(withFileField({ acept: ['application/pdf'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      {
        code: 'FORM_SCHEMA_INVALID',
        pointer: '/form/schema/properties/enfants/items/properties/certificat/x-file',
        message: expect.stringContaining('« acept » n’est pas une option'),
      },
    ]);
    const badSize = validateDefinition(withFileField({ maxBytes: 0 }));
    expect(badSize.ok ? [] : badSize.error.map((problem) => problem.pointer)).toEqual([
      '/form/schema/properties/enfants/items/properties/certificat/x-file/maxBytes',
    ]);
  });
});
