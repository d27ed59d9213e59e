import { z } from 'zod';

/** The job that mails a dossier's tracking code: ids only, the code is drawn as it is sent. */
export const trackingCodeMailJobSchema = z.strictObject({
  tenantId: z.uuid(),
  dossierId: z.uuid(),
});
export type TrackingCodeMailJob = z.infer<typeof trackingCodeMailJobSchema>;
