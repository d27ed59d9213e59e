import { getClosestMatchingOption, JUNK_OPTION_ID, type RJSFSchema } from '@rjsf/utils';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type GuichetFormContext, PageForm } from '../../runtime/web/forms/index.ts';
import type { JsonSchema } from '../../shared/definition/index.ts';
import { interpretingValidator } from './interpretingValidator.ts';

// The studio's preview opens a form's conditions as the citizen app does: a field that
// only a condition declares appears, required, once the answer meets it.
const schema: JsonSchema = {
  type: 'object',
  $defs: { enCouple: { const: 'couple' } },
  properties: {
    situation: { type: 'string', title: 'Situation', enum: ['seul', 'couple'] },
    revenu: { type: 'number', title: 'Revenu mensuel' },
  },
  allOf: [
    {
      if: { properties: { situation: { $ref: '#/$defs/enCouple' } }, required: ['situation'] },
      then: {
        properties: { conjoint: { type: 'string', title: 'Nom du conjoint' } },
        required: ['conjoint'],
      },
    },
  ],
};

const context: GuichetFormContext = { dossierId: null, files: {}, rememberFile: () => {} };

function preview(data: Record<string, unknown>): string {
  return renderToStaticMarkup(
    <PageForm
      form={{ schema, uiSchema: null, sections: null, computed: new Set() }}
      fields={['situation', 'conjoint', 'revenu']}
      data={data}
      errors={[]}
      validator={interpretingValidator(() => schema)}
      context={context}
      onChange={() => {}}
      onBlurField={() => {}}
    />,
  );
}

describe('interpretingValidator', () => {
  it('opens a condition for the answers that meet it, and only then', () => {
    expect(preview({ situation: 'couple' })).toContain(
      '<label for="root_conjoint">Nom du conjoint<span class="obligatoire"> (obligatoire)</span>',
    );
    expect(preview({ situation: 'seul' })).not.toContain('root_conjoint');
    expect(preview({})).not.toContain('root_conjoint');
  });

  it('picks the option of a oneOf the value matches, never RJSF’s stand-in', () => {
    const validator = interpretingValidator();
    const options: RJSFSchema[] = [
      { type: 'object', properties: { iban: { type: 'string' } }, required: ['iban'] },
      { type: 'object', properties: { cheque: { type: 'boolean' } }, required: ['cheque'] },
    ];
    const root: RJSFSchema = { oneOf: options };
    expect(getClosestMatchingOption(validator, root, { cheque: true }, options)).toBe(1);
    expect(validator.isValid({ $id: JUNK_OPTION_ID }, {}, root)).toBe(false);
  });

  it('resolves references in the whole form as it is now, not in the section RJSF passes', () => {
    let form: RJSFSchema = { properties: { age: { minimum: 18 } } };
    const validator = interpretingValidator(() => form);
    const section: RJSFSchema = { properties: {} };
    expect(validator.isValid({ $ref: '#/properties/age' }, 20, section)).toBe(true);
    expect(validator.isValid({ $ref: '#/properties/age' }, 12, section)).toBe(false);
    form = { properties: { age: { minimum: 10 } } };
    expect(validator.isValid({ $ref: '#/properties/age' }, 12, section)).toBe(true);
    // Without the form, the reference points nowhere in the section: the condition stays closed.
    expect(interpretingValidator().isValid({ $ref: '#/properties/age' }, 20, section)).toBe(false);
  });
});
