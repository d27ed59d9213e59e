import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type Actor, apply, type DossierSnapshot } from '../../shared/engine/index.ts';
import { loadTemplate } from '../index.ts';

/** What a template's engine walk needs: its definition, a fresh draft, and `fire`. */
export interface TemplateWalk {
  definition: DemarcheDefinition;
  /** A draft of `applicantId` holding `data`, created and entered at the walk's start. */
  draft(data: Record<string, unknown>): DossierSnapshot;
  /** Fires `transition` through the engine; throws with the engine's error when refused. */
  fire(
    dossier: DossierSnapshot,
    transition: string,
    actor: Actor,
    input?: Record<string, unknown>,
    now?: Date,
  ): { dossier: DossierSnapshot; effects: ReturnType<typeof effectsOf> };
}

type Applied = Extract<ReturnType<typeof apply>, { ok: true }>['value'];
const effectsOf = (applied: Applied) => applied.effects;

/**
 * The kit each template's test walks its paths with: the template loaded from the
 * catalogue (a broken one fails the file at once) and dossiers moved by the same `apply`
 * the runtime uses.
 *
 * @example
 * const { definition, draft, fire } = templateWalk('apa-domicile', 'jeanne', START);
 * const sent = fire(draft(sample), 'deposer', applicant).dossier;
 */
export function templateWalk(slug: string, applicantId: string, start: Date): TemplateWalk {
  const loaded = loadTemplate(slug);
  if (!loaded.ok) throw new Error(`${slug} does not load`);
  const definition = loaded.value;
  return {
    definition,
    draft: (data) => ({
      id: `${slug}-1`,
      reference: `${definition.meta.referencePrefix}-2026-000001`,
      state: definition.workflow.initialState,
      revision: 0,
      data,
      applicantId,
      unit: null,
      assigneeId: null,
      priority: 'normal',
      createdAt: start.toISOString(),
      enteredStateAt: start.toISOString(),
      dueAt: null,
    }),
    fire(dossier, transition, actor, input, now = start) {
      const result = apply(definition, dossier, { transition }, input, actor, now);
      if (!result.ok) throw new Error(`${transition}: ${JSON.stringify(result.error)}`);
      return { dossier: result.value.dossier, effects: result.value.effects };
    },
  };
}
