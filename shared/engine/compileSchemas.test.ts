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
    expect(schemas.guards.get('accepter')?.({ revenuMensuel: 900 })).toBe(true);
    expect(schemas.guards.get('accepter')?.({ revenuMensuel: 2000 })).toBe(false);
    expect([...schemas.inputs.keys()]).toEqual(
      socialAidDefinition.workflow.transitions.filter((t) => t.input).map((t) => t.id),
    );
    expect(schemas.routing).toHaveLength(socialAidDefinition.routing.length);
  });

  it('speaks the form dialect of the browser: RJSF formats are checked, not ignored', () => {
    const guard = compileSchemas(
      withAccepterGuard({ properties: { couleur: { type: 'string', format: 'color' } } }),
    ).guards.get('accepter');
    expect(guard?.({ couleur: '#1e40af' })).toBe(true);
    expect(guard?.({ couleur: 'pas une couleur' })).toBe(false);
  });

  it('refuses what the form dialect refuses: typos, UI settings, older drafts', () => {
    const compiles = (guard: JsonSchema) => () => compileSchemas(withAccepterGuard(guard));
    expect(compiles({ properties: { revenuMensuel: { maximun: 1500 } } })).toThrow(/maximun/);
    expect(compiles({ properties: { motif: { 'ui:widget': 'textarea' } } })).toThrow(/ui:widget/);
    expect(compiles({ dependencies: { conjoint: ['situation'] } })).toThrow(/dependencies/);
  });
});
