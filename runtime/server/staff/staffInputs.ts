import { z } from 'zod';

/** Input schemas of the staff procedures, all strict (docs/SECURITY.md §10). */

const userId = z.uuid({ error: 'Identifiant de compte invalide.' });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }));
const displayName = z.string().trim().min(1, 'Le nom est obligatoire.').max(200);

/** A role, on the whole tenant (`unitId: null`) or on one unit and its sub-units. */
export const accessEntry = z.strictObject({
  role: z.enum(['admin', 'agent', 'supervisor'], { error: 'Rôle inconnu.' }),
  unitId: z.uuid({ error: 'Identifiant de service invalide.' }).nullable(),
});
const access = z.array(accessEntry).min(1, 'Au moins un rôle.').max(50);

export const inviteInput = z.strictObject({ email, displayName, access });
export const acceptInvitationInput = z.strictObject({
  /** The token from the invitation mail: 32 random bytes, base64url. */
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Lien d’invitation invalide.'),
  password: z.string().max(1024),
});
export const setAccessInput = z.strictObject({ userId, access });
/** For procedures that take nothing: still strict, so smuggled keys are refused. */
export const noInput = z.strictObject({}).prefault({});
export const byUserInput = z.strictObject({ userId });
export const byInvitationInput = z.strictObject({
  invitationId: z.uuid({ error: 'Identifiant d’invitation invalide.' }),
});

export type AccessEntry = z.infer<typeof accessEntry>;
