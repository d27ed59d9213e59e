import type { DemarcheDefinition } from '../definition/types.ts';

/**
 * A realistic démarche used by tests across `shared/` and the runtime: an application
 * for a social allowance with an income guard, a request for complement with a timer,
 * a global withdrawal and a refusal that needs a reason.
 */
export const socialAidDefinition: DemarcheDefinition = {
  version: 2,
  meta: {
    slug: 'aide-sociale',
    title: 'Demande d’aide sociale',
    referencePrefix: 'AIDE',
    retention: 'P5Y',
  },
  form: {
    schema: {
      type: 'object',
      properties: {
        nom: { type: 'string', title: 'Nom', minLength: 1, maxLength: 100 },
        prenom: { type: 'string', title: 'Prénom', minLength: 1, maxLength: 100 },
        email: { type: 'string', title: 'Courriel', format: 'email' },
        revenuMensuel: { type: 'number', title: 'Revenu mensuel (€)', minimum: 0 },
        situation: {
          type: 'string',
          title: 'Situation',
          enum: ['seul', 'couple'],
        },
        conjoint: { type: 'string', title: 'Nom du conjoint' },
      },
      required: ['nom', 'prenom', 'email', 'revenuMensuel', 'situation'],
      if: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
      then: { required: ['conjoint'] },
    },
    uiSchema: { 'ui:order': ['nom', 'prenom', 'email', 'situation', 'conjoint', 'revenuMensuel'] },
  },
  workflow: {
    initialState: 'brouillon',
    states: [
      {
        id: 'brouillon',
        label: 'Brouillon',
        kind: 'draft',
        editable: [{ fields: '*', by: ['applicant'] }],
      },
      { id: 'depose', label: 'Déposé', kind: 'active', owner: { role: 'agent' }, sla: 'P5D' },
      {
        id: 'en_instruction',
        label: 'En instruction',
        kind: 'active',
        owner: { role: 'agent' },
        sla: 'P1M',
      },
      {
        id: 'complement',
        label: 'En attente de complément',
        kind: 'active',
        owner: { role: 'applicant' },
        sla: 'P15D',
        editable: [{ fields: '*', by: ['applicant'] }],
      },
      { id: 'accepte', label: 'Accepté', kind: 'final', outcome: 'accepted' },
      { id: 'refuse', label: 'Refusé', kind: 'final', outcome: 'rejected' },
      { id: 'retire', label: 'Retiré', kind: 'final', outcome: 'withdrawn' },
    ],
    transitions: [
      {
        id: 'deposer',
        label: 'Déposer ma demande',
        from: ['brouillon'],
        to: 'depose',
        by: ['applicant'],
        validateForm: true,
        effects: [
          { type: 'route' },
          { type: 'notify', template: 'accuse-reception', to: { kind: 'applicant' } },
        ],
      },
      {
        id: 'prendre_en_charge',
        label: 'Prendre en charge',
        from: ['depose'],
        to: 'en_instruction',
        by: ['agent', 'supervisor'],
        effects: [{ type: 'assign', agent: 'actor' }],
      },
      {
        id: 'demander_complement',
        label: 'Demander un complément',
        from: ['en_instruction'],
        to: 'complement',
        by: ['agent'],
        input: {
          schema: {
            type: 'object',
            properties: {
              message: { type: 'string', title: 'Pièces ou informations demandées', minLength: 5 },
            },
            required: ['message'],
          },
        },
        effects: [{ type: 'notify', template: 'demande-complement', to: { kind: 'applicant' } }],
      },
      {
        id: 'completer',
        label: 'Envoyer le complément',
        from: ['complement'],
        to: 'en_instruction',
        by: ['applicant'],
        validateForm: true,
      },
      {
        id: 'expirer',
        label: 'Classer faute de complément',
        from: ['complement'],
        to: 'refuse',
        by: ['system'],
        after: 'P30D',
        effects: [{ type: 'letter', template: 'refus' }],
      },
      {
        id: 'accepter',
        label: 'Accepter',
        from: ['en_instruction'],
        to: 'accepte',
        by: ['agent', 'supervisor'],
        guard: {
          properties: { revenuMensuel: { type: 'number', maximum: 1500 } },
          required: ['revenuMensuel'],
        },
        effects: [
          { type: 'letter', template: 'accord' },
          { type: 'notify', template: 'decision', to: { kind: 'applicant' } },
          {
            type: 'webhook',
            // A public address literal: publishing resolves webhook hosts, and tests have
            // no DNS beyond localhost.
            url: 'https://93.184.215.14/hooks/aides',
            event: 'aide.accordee',
          },
        ],
      },
      {
        id: 'refuser',
        label: 'Refuser',
        from: ['en_instruction'],
        to: 'refuse',
        by: ['agent', 'supervisor'],
        input: {
          schema: {
            type: 'object',
            properties: { motif: { type: 'string', title: 'Motif du refus', minLength: 10 } },
            required: ['motif'],
          },
        },
        effects: [
          { type: 'letter', template: 'refus' },
          { type: 'notify', template: 'decision', to: { kind: 'applicant' } },
        ],
      },
      {
        id: 'retirer',
        label: 'Retirer ma demande',
        from: '*',
        to: 'retire',
        by: ['applicant'],
      },
    ],
  },
  routing: [
    {
      id: 'couples',
      when: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
      unit: 'ccas-familles',
    },
    { id: 'defaut', unit: 'ccas' },
  ],
  notifications: [
    {
      id: 'accuse-reception',
      channel: 'email',
      subject: 'Votre demande {{ dossier.reference }} a bien été reçue',
      body: 'Bonjour {{ data.prenom }},\n\nNous avons bien reçu votre demande {{ dossier.reference }}.',
    },
    {
      id: 'demande-complement',
      channel: 'email',
      subject: 'Complément demandé pour {{ dossier.reference }}',
      body: 'Bonjour {{ data.prenom }},\n\n{{ input.message }}',
    },
    {
      id: 'decision',
      channel: 'email',
      subject: 'Décision sur votre demande {{ dossier.reference }}',
      body: 'Bonjour {{ data.prenom }},\n\nUne décision a été prise sur votre demande.',
    },
  ],
  letters: [
    {
      id: 'accord',
      title: 'Notification d’accord',
      body: 'Madame, Monsieur {{ data.nom }}, votre demande est acceptée.',
    },
    {
      id: 'refus',
      title: 'Notification de refus',
      body: 'Madame, Monsieur {{ data.nom }}, votre demande est refusée.{% if input.motif %} Motif : {{ input.motif }}{% else %} Les pièces demandées n’ont pas été reçues dans le délai.{% endif %}',
    },
  ],
};
