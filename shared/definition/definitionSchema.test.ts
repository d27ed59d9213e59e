import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { definitionSchema, ISO_DURATION_PATTERN } from './definitionSchema.ts';
import type {
  DemarcheDefinition,
  DemarcheMeta,
  Effect,
  FormDefinition,
  FormPage,
  FormSection,
  StateDefinition,
  TransitionDefinition,
  Viewport,
  WorkflowDefinition,
  WorkflowLayout,
} from './types.ts';
import { ROLES } from './types.ts';
import type { EFFECT_TYPES } from './workflowSchema.ts';

type Defs = typeof definitionSchema.$defs;
/** The declared properties of a type, without its `x-` extension slot. */
type Declared<T> = Exclude<keyof T, `x-${string}`>;

describe('definitionSchema', () => {
  it('declares exactly the properties of the types (checked by tsc)', () => {
    expectTypeOf<keyof typeof definitionSchema.properties>().toEqualTypeOf<
      Declared<DemarcheDefinition>
    >();
    expectTypeOf<keyof Defs['meta']['properties']>().toEqualTypeOf<keyof DemarcheMeta>();
    expectTypeOf<keyof Defs['form']['properties']>().toEqualTypeOf<Declared<FormDefinition>>();
    expectTypeOf<keyof Defs['formPage']['properties']>().toEqualTypeOf<Declared<FormPage>>();
    expectTypeOf<keyof Defs['formSection']['properties']>().toEqualTypeOf<Declared<FormSection>>();
    expectTypeOf<keyof Defs['workflow']['properties']>().toEqualTypeOf<
      Declared<WorkflowDefinition>
    >();
    expectTypeOf<keyof Defs['workflowLayout']['properties']>().toEqualTypeOf<
      Declared<WorkflowLayout>
    >();
    expectTypeOf<keyof Defs['viewport']['properties']>().toEqualTypeOf<keyof Viewport>();
    expectTypeOf<keyof Defs['state']['properties']>().toEqualTypeOf<Declared<StateDefinition>>();
    expectTypeOf<keyof Defs['transition']['properties']>().toEqualTypeOf<
      Declared<TransitionDefinition>
    >();
    expectTypeOf<(typeof EFFECT_TYPES)[number]>().toEqualTypeOf<Effect['type']>();
  });

  it('requires what the types require', () => {
    expect([...definitionSchema.required].sort()).toEqual(
      ['version', 'meta', 'form', 'workflow', 'routing', 'notifications', 'letters'].sort(),
    );
    expect(definitionSchema.$defs.transition.required).toEqual(['id', 'label', 'from', 'to', 'by']);
    expect(definitionSchema.$defs.role.enum).toEqual(ROLES);
  });

  it('compiles in strict mode, as a draft 2020-12 schema, and accepts the sample', () => {
    const ajv = new Ajv2020({
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      discriminator: true,
    });
    addFormats(ajv);
    expect(ajv.validateSchema(definitionSchema)).toBe(true);
    expect(ajv.compile(definitionSchema)(socialAidDefinition)).toBe(true);
  });

  it('describes its main properties for the editor’s hover help', () => {
    const described = Object.entries(definitionSchema.properties).filter(
      ([, schema]) => 'description' in schema || '$ref' in schema,
    );
    expect(described).toHaveLength(Object.keys(definitionSchema.properties).length);
  });

  it.each([
    ['P15D', true],
    ['PT48H', true],
    ['P1Y2M10DT2H30M', true],
    ['P2W', true],
    ['P', false],
    ['PT', false],
    ['15D', false],
    ['P1.5D', false],
    ['P1DT', false],
  ])('accepts %s as an ISO 8601 duration: %s', (duration, valid) => {
    expect(new RegExp(ISO_DURATION_PATTERN, 'u').test(duration)).toBe(valid);
  });
});
