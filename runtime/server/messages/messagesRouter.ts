import { z } from 'zod';
import { dossierContextOf } from '../dossiers/index.ts';
import { limitByAccount } from '../rateLimit/index.ts';
import { authedProcedure, router, unwrap } from '../trpc/index.ts';
import { listMessages } from './listMessages.ts';
import { MAX_MESSAGE_LENGTH, sendMessage } from './sendMessage.ts';

const dossierId = z.uuid({ error: 'Identifiant de dossier invalide.' });

/**
 * Messages between a dossier's applicant and the staff handling it; mounted as
 * `dossiers.messages`. Strict inputs (docs/SECURITY.md §10).
 */
export const messagesRouter = router({
  list: authedProcedure
    .input(z.strictObject({ dossierId }))
    .query(async ({ ctx, input }) => unwrap(await listMessages(dossierContextOf(ctx), input))),
  send: authedProcedure
    .use(limitByAccount('messages'))
    .input(z.strictObject({ dossierId, body: z.string().max(MAX_MESSAGE_LENGTH * 2) }))
    .mutation(async ({ ctx, input }) => unwrap(await sendMessage(dossierContextOf(ctx), input))),
});
