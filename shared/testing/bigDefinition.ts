import type {
  DemarcheDefinition,
  StateDefinition,
  TransitionDefinition,
} from '../definition/index.ts';

const KINDS = ['text', 'number', 'choice', 'yesno', 'date'] as const;

/**
 * A large démarche for the studio's benchmark: `sections` × `perSection` fields of mixed
 * kinds in titled sections, and a workflow of `states` states (a draft, active steps, an
 * accepted and a refused end) joined by `transitions` transitions (a chain forward, a
 * refusal from every step, and steps back).
 *
 * @example
 * bigDefinition({ sections: 30, perSection: 30, states: 60, transitions: 150 });
 */
export function bigDefinition(size: {
  sections: number;
  perSection: number;
  states: number;
  transitions: number;
}): DemarcheDefinition {
  const properties: Record<string, unknown> = {};
  const order: string[] = [];
  const sections = [];
  for (let s = 1; s <= size.sections; s++) {
    const fields: string[] = [];
    for (let f = 1; f <= size.perSection; f++) {
      const name = `champ_${s}_${f}`;
      const title = `Question ${f} de la partie ${s}`;
      const kind = KINDS[(s + f) % KINDS.length]!;
      properties[name] =
        kind === 'number'
          ? { type: 'number', title, minimum: 0 }
          : kind === 'choice'
            ? { type: 'string', title, enum: ['a', 'b', 'c'] }
            : kind === 'yesno'
              ? { type: 'boolean', title }
              : kind === 'date'
                ? { type: 'string', title, format: 'date' }
                : { type: 'string', title, maxLength: 200 };
      fields.push(name);
      order.push(name);
    }
    sections.push({ id: `partie-${s}`, title: `Partie ${s}`, fields });
  }
  const steps = size.states - 3;
  const step = (i: number) => `etape-${i}`;
  const states: StateDefinition[] = [
    {
      id: 'brouillon',
      label: 'Brouillon',
      kind: 'draft',
      editable: [{ fields: '*', by: ['applicant'] }],
    },
    ...Array.from({ length: steps }, (_, i) => ({
      id: step(i + 1),
      label: `Étape ${i + 1}`,
      kind: 'active' as const,
      owner: { role: 'agent' as const },
    })),
    { id: 'accepte', label: 'Accepté', kind: 'final', outcome: 'accepted' },
    { id: 'refuse', label: 'Refusé', kind: 'final', outcome: 'rejected' },
  ];
  const transitions: TransitionDefinition[] = [
    { id: 'deposer', label: 'Déposer', from: ['brouillon'], to: step(1), by: ['applicant'] },
  ];
  for (let i = 1; i < steps; i++) {
    transitions.push({
      id: `avancer-${i}`,
      label: `Passer à l’étape ${i + 1}`,
      from: [step(i)],
      to: step(i + 1),
      by: ['agent'],
    });
  }
  transitions.push({
    id: 'accepter',
    label: 'Accepter',
    from: [step(steps)],
    to: 'accepte',
    by: ['agent'],
  });
  for (let i = 1; i <= steps && transitions.length < size.transitions; i++) {
    transitions.push({
      id: `refuser-${i}`,
      label: 'Refuser',
      from: [step(i)],
      to: 'refuse',
      by: ['agent'],
    });
  }
  for (let i = 2; i <= steps && transitions.length < size.transitions; i++) {
    transitions.push({
      id: `revenir-${i}`,
      label: `Revenir à l’étape ${i - 1}`,
      from: [step(i)],
      to: step(i - 1),
      by: ['agent'],
    });
  }
  return {
    version: 2,
    meta: { slug: 'banc-studio', title: 'Banc d’essai du studio', referencePrefix: 'BANC' },
    form: { schema: { type: 'object', properties }, uiSchema: { 'ui:order': order }, sections },
    workflow: { initialState: 'brouillon', states, transitions },
    routing: [],
    notifications: [],
    letters: [],
  } as DemarcheDefinition;
}
