import { z } from 'zod';
import { parisDate } from '../../../shared/expressions/index.ts';
import { attachmentsRoot } from '../attachments/index.ts';
import { citizenProcedure, dossierContextOf } from '../dossiers/index.ts';
import { limitByAccount } from '../rateLimit/index.ts';
import { router, toTRPCError, unwrap } from '../trpc/index.ts';
import { attachDocument } from './attachDocument.ts';
import { documentErrors } from './documentErrors.ts';
import { deleteOwnDocument, ownDocuments } from './documentQueries.ts';
import { documentView } from './documentView.ts';

const NAME = '[A-Za-z_][A-Za-z0-9_-]{0,99}';
/** A file field's path, as the upload route accepts it. */
const field = z.string().regex(new RegExp(`^${NAME}(?:/(?:${NAME}|0|[1-9][0-9]{0,5})){0,9}$`), {
  error: 'Champ du formulaire invalide.',
});
const id = z.uuid({ error: 'Identifiant invalide.' });

/**
 * « Mes documents », the citizen's safe (docs/SECURITY.md §55–§56): list, delete, and
 * attach one to a file field of a dossier. Files enter it through
 * `POST /api/documents` (`documentsHttpHandler`). Citizens with an account only: a
 * visitor's pass (dossier without an account) is not admitted here.
 */
export const documentsRouter = router({
  list: citizenProcedure.query(async ({ ctx }) => {
    const today = parisDate(ctx.deps.clock());
    const rows = await ownDocuments(ctx.deps.database.db, ctx.session);
    return rows.map((row) => documentView(row, today));
  }),
  delete: citizenProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
    const deleted = await deleteOwnDocument(ctx.deps.database.db, ctx.session, input.id);
    if (!deleted) throw toTRPCError(documentErrors.notFound());
    return { id: input.id };
  }),
  attach: citizenProcedure
    .use(limitByAccount('uploads'))
    .input(z.strictObject({ documentId: id, dossierId: id, field }))
    .mutation(async ({ ctx, input }) =>
      unwrap(
        await attachDocument(dossierContextOf(ctx), attachmentsRoot(ctx.deps.config), input, {
          scanning: ctx.deps.config.clamd !== null,
          storageCapBytes: ctx.deps.config.quotas.tenantStorageBytes,
        }),
      ),
    ),
});
