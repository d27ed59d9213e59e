import { z } from 'zod';

/**
 * Input schemas of the dossier procedures. All strict (docs/SECURITY.md §10): a client sending
 * `state`, `tenantId`, `assigneeId` or any other key the procedure does not take gets
 * BAD_REQUEST and nothing is written.
 */

const dossierId = z.uuid({ error: 'Identifiant de dossier invalide.' });
const revision = z.number().int().min(0);
const transition = z.string().min(1).max(100);
/** Form data and action input: JSON objects; their size is capped by the services. */
const jsonObject = z.record(z.string(), z.unknown());

export const createInput = z.strictObject({
  demarche: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Identifiant de démarche invalide.'),
});

export const byIdInput = z.strictObject({ id: dossierId });

export const saveDraftInput = z.strictObject({ id: dossierId, data: jsonObject, revision });

export const checkPageInput = z.strictObject({
  id: dossierId,
  page: z.string().min(1).max(100),
});

export const submitInput = z.strictObject({
  id: dossierId,
  transition,
  revision,
  /** A client-chosen unique key (a UUID): retries of one submission send the same. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,200}$/, 'Clé d’idempotence invalide (8 à 200 caractères).'),
});

export const actInput = z.strictObject({
  id: dossierId,
  transition,
  input: jsonObject.optional(),
  revision,
});
