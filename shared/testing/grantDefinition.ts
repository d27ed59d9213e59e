import type { DemarcheDefinition } from '../definition/types.ts';

/**
 * A grant application that uses the richer workflow constructs: the clock of « silence
 * vaut accord » counted from the milestone `complet` whatever the state since (`since`),
 * an agent's opinion and the amount granted written into the dossier (`writes`), a
 * decision guarded over the dossier and the agent's input with the admin's message
 * (`guardOn: 'context'`, `guardMessage`), a transfer to the service the agent names
 * (`assign.unitFromInput`) and the decision mailed to the address typed in the form
 * (`{ kind: 'field' }`).
 */
export const grantDefinition: DemarcheDefinition = {
  version: 2,
  meta: { slug: 'subvention', title: 'Demande de subvention', referencePrefix: 'SUB' },
  form: {
    schema: {
      type: 'object',
      properties: {
        association: { type: 'string', title: 'Association', minLength: 1, maxLength: 100 },
        contact: { type: 'string', title: 'Courriel de contact', format: 'email' },
        montantDemande: { type: 'number', title: 'Montant demandé (€)', minimum: 0 },
        avis: { type: 'string', title: 'Avis du service instructeur' },
        montantAccorde: { type: 'number', title: 'Montant accordé (€)', minimum: 0 },
      },
      required: ['association', 'contact', 'montantDemande'],
    },
  },
  workflow: {
    initialState: 'brouillon',
    states: [
      {
        id: 'brouillon',
        label: 'Brouillon',
        kind: 'draft',
        editable: [{ fields: ['association', 'contact', 'montantDemande'], by: ['applicant'] }],
      },
      { id: 'depose', label: 'Déposé', kind: 'active' },
      { id: 'instruction', label: 'En instruction', kind: 'active' },
      { id: 'examen', label: 'En examen', kind: 'active' },
      { id: 'accorde', label: 'Accordé', kind: 'final', outcome: 'accepted' },
      { id: 'accord_tacite', label: 'Accord tacite', kind: 'final', outcome: 'accepted' },
    ],
    transitions: [
      {
        id: 'deposer',
        label: 'Déposer',
        from: ['brouillon'],
        to: 'depose',
        by: ['applicant'],
        validateForm: true,
      },
      {
        id: 'declarer_complet',
        label: 'Déclarer complet',
        from: ['depose'],
        to: 'instruction',
        by: ['agent'],
        milestone: 'complet',
      },
      {
        id: 'donner_avis',
        label: 'Donner un avis',
        from: ['instruction'],
        to: 'examen',
        by: ['agent'],
        input: {
          schema: {
            type: 'object',
            properties: { avis: { type: 'string', title: 'Avis', minLength: 3 } },
            required: ['avis'],
          },
        },
        writes: [{ field: 'avis', fromInput: 'avis' }],
      },
      {
        id: 'transmettre',
        label: 'Transmettre à un autre service',
        from: ['instruction', 'examen'],
        to: 'instruction',
        by: ['agent'],
        input: {
          schema: {
            type: 'object',
            properties: { service: { type: 'string', title: 'Code du service' } },
            required: ['service'],
          },
        },
        effects: [{ type: 'assign', unitFromInput: 'service', agent: 'none' }],
      },
      {
        id: 'accorder',
        label: 'Accorder',
        from: ['instruction', 'examen'],
        to: 'accorde',
        by: ['agent'],
        input: {
          schema: {
            type: 'object',
            properties: { montant: { type: 'number', title: 'Montant accordé', minimum: 0 } },
            required: ['montant'],
          },
        },
        guardOn: 'context',
        guard: { properties: { data: { required: ['avis'] } } },
        guardMessage: 'Un avis du service instructeur doit avoir été donné avant d’accorder.',
        rules: [
          {
            id: 'au-plus-le-montant-demande',
            field: 'montant',
            assert: { '<=': [{ var: 'input.montant' }, { var: 'montantDemande' }] },
            message: 'Le montant accordé ne peut pas dépasser le montant demandé.',
          },
        ],
        writes: [{ field: 'montantAccorde', fromInput: 'montant' }],
        effects: [
          { type: 'notify', template: 'decision', to: { kind: 'field', field: 'contact' } },
        ],
      },
      {
        id: 'silence_vaut_accord',
        label: 'Accord tacite (deux mois après complétude)',
        from: '*',
        to: 'accord_tacite',
        by: ['system'],
        after: 'P2M',
        since: 'complet',
      },
    ],
  },
  routing: [{ id: 'defaut', unit: 'ccas' }],
  notifications: [
    {
      id: 'decision',
      channel: 'email',
      subject: 'Subvention {{ dossier.reference }} accordée',
      body: 'Bonjour,\n\nUne subvention de {{ data.montantAccorde }} € est accordée à {{ data.association }}.',
    },
  ],
  letters: [],
};
