import type { DemarcheDefinition } from '../../../shared/definition/index.ts';

/**
 * The definition a new démarche starts from: the smallest document that validates and
 * lints clean, so the designer opens on something publishable and the admin grows it.
 * One draft state the citizen fills, one submit transition, one final state, no field.
 *
 * @example
 * initialDraft({ slug: 'carte-resident', title: 'Carte de résident' }).meta.referencePrefix; // 'CART'
 */
export function initialDraft(options: {
  slug: string;
  title: string;
  ownerUnit?: string | undefined;
}): DemarcheDefinition {
  return {
    version: 2,
    meta: {
      slug: options.slug,
      title: options.title,
      referencePrefix: referencePrefixFor(options.slug),
      ...(options.ownerUnit === undefined ? {} : { ownerUnit: options.ownerUnit }),
    },
    form: { schema: { type: 'object', properties: {} }, uiSchema: {} },
    workflow: {
      initialState: 'brouillon',
      states: [
        {
          id: 'brouillon',
          label: 'Brouillon',
          kind: 'draft',
          editable: [{ fields: '*', by: ['applicant'] }],
        },
        { id: 'depose', label: 'Déposé', kind: 'final', outcome: 'closed' },
      ],
      transitions: [
        {
          id: 'deposer',
          label: 'Déposer ma demande',
          from: ['brouillon'],
          to: 'depose',
          by: ['applicant'],
          validateForm: true,
        },
      ],
    },
    routing: [],
    notifications: [],
    letters: [],
  };
}

/**
 * A reference prefix (2 to 10 upper-case letters) guessed from the slug: its first four
 * letters. The admin can change it; it only has to be valid from the start.
 */
function referencePrefixFor(slug: string): string {
  const letters = slug
    .replace(/[^a-z]/g, '')
    .toUpperCase()
    .slice(0, 4);
  return letters.length >= 2 ? letters : 'DEM';
}
