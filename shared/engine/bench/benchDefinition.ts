import type { DemarcheDefinition } from '../../definition/types.ts';

/**
 * The démarche of the engine benchmark: six states, three guards on data fields, an
 * expression rule comparing two fields, a complement loop. Its XState twin is `benchMachine.ts`; both must stay equivalent.
 */
export const benchDefinition: DemarcheDefinition = {
  version: 2,
  meta: { slug: 'bench', title: 'Démarche de mesure', referencePrefix: 'BENCH' },
  form: {
    schema: {
      type: 'object',
      properties: {
        nom: { type: 'string', minLength: 1 },
        revenuMensuel: { type: 'number', minimum: 0 },
        piecesManquantes: { type: 'integer', minimum: 0 },
      },
      required: ['nom', 'revenuMensuel'],
    },
  },
  workflow: {
    initialState: 'brouillon',
    states: [
      { id: 'brouillon', label: 'Brouillon', kind: 'draft' },
      { id: 'depose', label: 'Déposé', kind: 'active', sla: 'P5D' },
      { id: 'instruction', label: 'En instruction', kind: 'active', sla: 'P1M' },
      { id: 'complement', label: 'En attente de complément', kind: 'active', sla: 'P15D' },
      { id: 'accepte', label: 'Accepté', kind: 'final', outcome: 'accepted' },
      { id: 'refuse', label: 'Refusé', kind: 'final', outcome: 'rejected' },
    ],
    transitions: [
      { id: 'deposer', label: 'Déposer', from: ['brouillon'], to: 'depose', by: ['applicant'] },
      {
        id: 'instruire',
        label: 'Prendre en charge',
        from: ['depose'],
        to: 'instruction',
        by: ['agent', 'supervisor'],
        guard: {
          properties: { revenuMensuel: { type: 'number', minimum: 0 } },
          required: ['revenuMensuel'],
        },
        effects: [{ type: 'assign', agent: 'actor' }],
      },
      {
        id: 'demander_complement',
        label: 'Demander un complément',
        from: ['instruction'],
        to: 'complement',
        by: ['agent'],
        guard: {
          properties: { piecesManquantes: { type: 'integer', maximum: 2 } },
          required: ['piecesManquantes'],
        },
        // An expression rule comparing two fields, as real procedures write them.
        rules: [
          {
            id: 'pieces-selon-revenu',
            field: 'piecesManquantes',
            assert: {
              '<=': [{ var: 'piecesManquantes' }, { '/': [{ var: 'revenuMensuel' }, 500] }],
            },
            message: 'Trop de pièces manquantes pour ce revenu.',
          },
        ],
        effects: [{ type: 'notify', template: 'complement', to: { kind: 'applicant' } }],
      },
      {
        id: 'completer',
        label: 'Compléter',
        from: ['complement'],
        to: 'instruction',
        by: ['applicant'],
      },
      {
        id: 'accepter',
        label: 'Accepter',
        from: ['instruction'],
        to: 'accepte',
        by: ['agent', 'supervisor'],
        guard: {
          properties: { revenuMensuel: { type: 'number', maximum: 1500 } },
          required: ['revenuMensuel'],
        },
        effects: [{ type: 'letter', template: 'accord' }],
      },
      { id: 'refuser', label: 'Refuser', from: ['instruction'], to: 'refuse', by: ['agent'] },
    ],
  },
  routing: [{ id: 'defaut', unit: 'ccas' }],
  notifications: [],
  letters: [],
};

/** The data every benchmark dossier carries: it passes the three guards. */
export const benchData = { nom: 'Martin', revenuMensuel: 1200, piecesManquantes: 1 };

/**
 * One cycle: deposit, pick up, `loops` complement round trips, accept. Who fires each
 * event: the applicant for deposit and complement, the agent for the rest.
 */
export function benchCycle(
  loops: number,
): Array<{ transition: string; by: 'applicant' | 'agent' }> {
  const cycle: Array<{ transition: string; by: 'applicant' | 'agent' }> = [
    { transition: 'deposer', by: 'applicant' },
    { transition: 'instruire', by: 'agent' },
  ];
  for (let i = 0; i < loops; i++) {
    cycle.push({ transition: 'demander_complement', by: 'agent' });
    cycle.push({ transition: 'completer', by: 'applicant' });
  }
  cycle.push({ transition: 'accepter', by: 'agent' });
  return cycle;
}
