import type { DemarcheDefinition } from '../definition/types.ts';

/** The next 1 September on or after today: the first day of the coming school year. */
const rentree = {
  if: [
    { '>=': [{ month: { today: [] } }, 9] },
    { date: [{ '+': [{ year: { today: [] } }, 1] }, 9, 1] },
    { date: [{ year: { today: [] } }, 9, 1] },
  ],
};

/**
 * A démarche that leans on expressions, as a town's « aide aux séjours de vacances »
 * does: a computed rate and allowance (the citizen never sets them), cross-field rules
 * with the admin's own messages (end after start, amount at most half the budget, a
 * birth date not in the future, an age of 2 to 12 at the start of the school year, a
 * document under 10 years old) and mails sent only when their condition holds.
 */
export const holidayAidDefinition: DemarcheDefinition = {
  version: 2,
  meta: { slug: 'aide-vacances', title: 'Aide aux séjours de vacances', referencePrefix: 'VAC' },
  form: {
    schema: {
      type: 'object',
      properties: {
        email: { type: 'string', title: 'Courriel', format: 'email' },
        naissance: { type: 'string', title: 'Date de naissance de l’enfant', format: 'date' },
        debut: { type: 'string', title: 'Début du séjour', format: 'date' },
        fin: { type: 'string', title: 'Fin du séjour', format: 'date' },
        budget: { type: 'number', title: 'Coût du séjour (€)', minimum: 0 },
        montant: { type: 'number', title: 'Aide demandée (€)', minimum: 0 },
        quotient: { type: 'number', title: 'Quotient familial', minimum: 0 },
        dateAttestation: { type: 'string', title: 'Date de l’attestation CAF', format: 'date' },
        taux: { type: 'number', title: 'Taux de prise en charge', readOnly: true },
        participation: { type: 'number', title: 'Participation de la ville (€)', readOnly: true },
      },
      required: ['email', 'naissance', 'debut', 'fin', 'budget', 'montant', 'quotient'],
    },
    rules: [
      {
        id: 'fin-apres-debut',
        field: 'fin',
        assert: { '>': [{ var: 'fin' }, { var: 'debut' }] },
        message: 'La fin du séjour doit être après son début.',
      },
      {
        id: 'moitie-du-budget',
        field: 'montant',
        assert: { '<=': [{ var: 'montant' }, { '/': [{ var: 'budget' }, 2] }] },
        message: 'L’aide demandée ne peut dépasser la moitié du coût du séjour.',
      },
      {
        id: 'naissance-passee',
        field: 'naissance',
        assert: { '<=': [{ var: 'naissance' }, { today: [] }] },
        message: 'La date de naissance ne peut pas être dans le futur.',
      },
      {
        id: 'age-scolaire',
        field: 'naissance',
        when: { '<=': [{ var: 'naissance' }, { today: [] }] },
        assert: { '<=': [2, { age: [{ var: 'naissance' }, rentree] }, 12] },
        message: 'L’enfant doit avoir entre 2 et 12 ans à la rentrée scolaire.',
      },
      {
        id: 'attestation-recente',
        field: 'dateAttestation',
        assert: { '>': [{ var: 'dateAttestation' }, { add_years: [{ today: [] }, -10] }] },
        message: 'L’attestation doit dater de moins de 10 ans.',
      },
    ],
  },
  computed: [
    // Declared before the rate it reads: the order of evaluation follows dependencies.
    {
      field: 'participation',
      expression: {
        round: [{ min: [{ '*': [{ var: 'montant' }, { var: 'taux' }] }, 1500] }, 2],
      },
    },
    {
      field: 'taux',
      expression: {
        if: [{ '<': [{ var: 'quotient' }, 700] }, 1, { '<': [{ var: 'quotient' }, 1200] }, 0.5, 0],
      },
    },
  ],
  workflow: {
    initialState: 'brouillon',
    states: [
      {
        id: 'brouillon',
        label: 'Brouillon',
        kind: 'draft',
        editable: [{ fields: '*', by: ['applicant'] }],
      },
      { id: 'depose', label: 'Déposé', kind: 'active', owner: { role: 'agent' } },
      { id: 'accorde', label: 'Accordé', kind: 'final', outcome: 'accepted' },
      { id: 'refuse', label: 'Refusé', kind: 'final', outcome: 'rejected' },
    ],
    transitions: [
      {
        id: 'deposer',
        label: 'Déposer',
        from: ['brouillon'],
        to: 'depose',
        by: ['applicant'],
        validateForm: true,
        effects: [
          { type: 'notify', template: 'recu', to: { kind: 'applicant' } },
          {
            type: 'notify',
            template: 'gros-montant',
            to: { kind: 'email', address: 'regie@mairie.example' },
            when: { '>': [{ var: 'participation' }, 1000] },
          },
          { type: 'setPriority', priority: 'high', when: { '==': [{ var: 'taux' }, 1] } },
        ],
      },
      { id: 'accorder', label: 'Accorder', from: ['depose'], to: 'accorde', by: ['agent'] },
      {
        id: 'refuser',
        label: 'Refuser',
        from: ['depose'],
        to: 'refuse',
        by: ['agent'],
        input: {
          schema: {
            type: 'object',
            properties: { motif: { enum: ['incomplet', 'hors-criteres'] } },
            required: ['motif'],
          },
        },
        effects: [
          {
            type: 'notify',
            template: 'pieces-manquantes',
            to: { kind: 'applicant' },
            when: { '==': [{ var: 'input.motif' }, 'incomplet'] },
          },
        ],
      },
    ],
  },
  routing: [{ id: 'defaut', unit: 'ccas' }],
  notifications: [
    {
      id: 'recu',
      channel: 'email',
      subject: 'Demande {{ dossier.reference }} reçue',
      body: 'Participation de la ville : {{ data.participation }} €.',
    },
    {
      id: 'gros-montant',
      channel: 'email',
      subject: 'Participation élevée {{ dossier.reference }}',
      body: 'Participation : {{ data.participation }} €.',
    },
    {
      id: 'pieces-manquantes',
      channel: 'email',
      subject: 'Pièces manquantes {{ dossier.reference }}',
      body: 'Votre dossier est incomplet.',
    },
  ],
  letters: [],
};
