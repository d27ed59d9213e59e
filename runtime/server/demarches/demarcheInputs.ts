import { z } from 'zod';
import { SLUG_PATTERN } from '../../../shared/definition/definitionSchema.ts';

/**
 * Input schemas of the démarches procedures. All strict: an unexpected key (`tenantId`,
 * `draftRevision`, `version`…) is refused, never silently dropped or written.
 */

const slug = z.string().max(80).regex(new RegExp(SLUG_PATTERN), {
  error: 'L’identifiant ne peut contenir que des lettres minuscules, des chiffres et des tirets.',
});

/** Looking up needs only what the database allows (its check), not the stricter format for new ones. */
const existingSlug = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Identifiant invalide.' });

const id = z.uuid({ error: 'Identifiant de démarche invalide.' });
/** Both are PostgreSQL `integer`s: a larger number must be a 400, not a failed query. */
const PG_INT_MAX = 2_147_483_647;
const revision = z.number().int().min(0).max(PG_INT_MAX);
const version = z.number().int().positive().max(PG_INT_MAX);
const diffSide = z.union([version, z.literal('draft')]);

export const demarcheInputs = {
  create: z.strictObject({
    slug,
    title: z.string().trim().min(1, { error: 'Le titre est obligatoire.' }).max(200),
    /** Code of one of the tenant's units. */
    ownerUnit: z.string().min(1).max(100).optional(),
  }),
  byId: z.strictObject({ id }),
  saveDraft: z.strictObject({
    id,
    /** Any JSON object, valid or not: an admin in the middle of an edit must be able to save. */
    draft: z.record(z.string(), z.unknown()),
    revision,
  }),
  publish: z.strictObject({ id, revision }),
  /** `revision`: the draft revision the admin saw, so nobody throws away work unseen. */
  deleteDraft: z.strictObject({ id, revision }),
  getVersion: z.strictObject({ id, version }),
  diff: z.strictObject({ id, from: diffSide, to: diffSide }),
  listPublished: z.strictObject({ tenant: existingSlug }),
  getPublished: z.strictObject({ tenant: existingSlug, slug: existingSlug }),
};
