import type { AppTransaction } from '../../db/index.ts';

/**
 * Citizens' account mails: sign-up confirmation and password reset links
 * (`auth/sendAccountMail.ts`). Named here, not in effects, because auth cannot import
 * effects (effects reaches auth through dossiers) while effects creates the queue.
 */
export const ACCOUNT_MAIL_QUEUE = 'account-mail';

/**
 * Writes one pg-boss job in the caller's transaction; `id` and `singletonKey` make a
 * second send harmless. Production passes the effects feature's `sendJob`.
 */
export type SendJob = (
  tx: AppTransaction,
  name: string,
  data: object,
  options: { id: string; singletonKey: string },
) => Promise<void>;

/**
 * An agent's bulk action over up to 500 dossiers (`collaboration/bulkJobs.ts`), performed
 * by the worker. Named here for the same reason: effects creates the queue.
 */
export const BULK_ACTION_QUEUE = 'bulk-action';

/** A queue export above the immediate download's limit (`queues/exportJobs.ts`). */
export const QUEUE_EXPORT_QUEUE = 'queue-export';

/**
 * The tracking code mailed to the address a dossier filed without an account gave
 * (`anonymous/sendTrackingCodeMail.ts`). Named here for the same reason: effects creates
 * every queue, and the anonymous feature writes the job through the `SendJob` port.
 */
export const TRACKING_CODE_MAIL_QUEUE = 'tracking-code-mail';
