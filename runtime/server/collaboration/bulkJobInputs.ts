import { z } from 'zod';
import { bulkInput } from './collaborationInputs.ts';

/**
 * Input of `dossiers.bulkJobs.start`: `dossiers.bulk`'s items and action, and the client's
 * idempotency key (one per click on « Appliquer »): sending it again — a retry, a double
 * click, a reload — answers the same job instead of starting another.
 */
export const startBulkJobInput = bulkInput.extend({
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Clé d’idempotence invalide (8 à 100 caractères).'),
});

export type StartBulkJobInput = z.infer<typeof startBulkJobInput>;

export const bulkJobIdInput = z.strictObject({
  jobId: z.uuid({ error: 'Identifiant de traitement invalide.' }),
});
