import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, JsonSchema } from '../definition/types.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { compileSchemas } from './compileSchemas.ts';

/** The social-aid démarche with another guard on `accepter`. */
function withAccepterGuard(guard: JsonSchema): DemarcheDefinition {
  const transitions = socialAidDefinition.workflow.transitions.map((transition) =>
    transition.id === 'accepter' ? { ...transition, guard } : transition,
  );
  return { ...socialAidDefinition, workflow: { ...socialAidDefinition.workflow, transitions } };
}

describe('compileSchemas', () => {
  it('compiles a definition’s guards, inputs, form and routing', () => {
    const schemas = compileSchemas(socialAidDefinition);
    expect(schemas.guards.get('accepter')?.({ revenuMensuel: 900 })).toEqual({ kind: 'pass' });
    expect(schemas.guards.get('accepter')?.({ revenuMensuel: 2000 })).toMatchObject({
      kind: 'fail',
      failures: [{ field: '/revenuMensuel', rule: 'maximum' }],
    });
    expect([...schemas.inputs.keys()]).toEqual(
      socialAidDefinition.workflow.transitions.filter((t) => t.input).map((t) => t.id),
    );
    expect(schemas.routing).toHaveLength(socialAidDefinition.routing.length);
  });

  it('speaks the form dialect of the browser: RJSF formats are checked, not ignored', () => {
    const guard = compileSchemas(
      withAccepterGuard({ properties: { couleur: { type: 'string', format: 'color' } } }),
    ).guards.get('accepter');
    expect(guard?.({ couleur: '#1e40af' })).toEqual({ kind: 'pass' });
    expect(guard?.({ couleur: 'pas une couleur' })).toMatchObject({ kind: 'fail' });
  });

  it('refuses what the form dialect refuses: typos, UI settings, older drafts', () => {
    const compiles = (form: JsonSchema) => () =>
      compileSchemas({
        ...socialAidDefinition,
        form: { ...socialAidDefinition.form, schema: form },
      });
    expect(compiles({ properties: { revenuMensuel: { maximun: 1500 } } })).toThrow(/maximun/);
    expect(compiles({ properties: { motif: { 'ui:widget': 'textarea' } } })).toThrow(/ui:widget/);
    expect(compiles({ dependencies: { conjoint: ['situation'] } })).toThrow(/dependencies/);
  });

  // Issue 13, item 5: one such guard in a stored version made every read of a dossier
  // in its state answer 500.
  it.each([
    ['refers to itself', { $ref: '#' }],
    ['has a $defs entry naming itself', { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }],
    ['is outside the dialect', { properties: { revenuMensuel: { maximun: 1500 } } }],
  ])('turns a guard that %s into a broken verdict, never a throw', (_, guard) => {
    const schemas = compileSchemas(withAccepterGuard(guard as JsonSchema));
    expect(schemas.guards.get('accepter')?.({ revenuMensuel: 900 })).toEqual({ kind: 'broken' });
  });
});
