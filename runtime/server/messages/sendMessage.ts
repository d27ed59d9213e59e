import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierEvents, messages } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial, type DossierContext, inTransaction, loadDossier } from '../dossiers/index.ts';
import type { MessageView } from './messageView.ts';

/** Longest message body, in characters: a letter, not a file dump. */
export const MAX_MESSAGE_LENGTH = 5000;

/**
 * Sends a message on a submitted dossier, from its applicant to the staff or back. The
 * body is stored as plain text (trimmed), and a `message_sent` event joins the
 * dossier's history in the same transaction. The dossier's revision does not move: a
 * message changes no data, and must not make an agent's open form stale.
 *
 * @example
 * await sendMessage(context, { dossierId, body: 'Voici mon avis d’imposition.' });
 */
export async function sendMessage(
  context: DossierContext,
  input: { dossierId: string; body: string },
): Promise<Result<MessageView, DomainError>> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > MAX_MESSAGE_LENGTH) {
    return err({
      code: 'INVALID_INPUT',
      message: `Le message doit contenir entre 1 et ${MAX_MESSAGE_LENGTH} caractères.`,
      fieldErrors: { body: ['Le message est vide ou trop long.'] },
    });
  }
  const result = await inTransaction<MessageView, DomainError>(context.db, async (tx) => {
    const loaded = await loadDossier(tx, context.session, input.dossierId);
    if (!loaded.ok) return loaded;
    const { row, state, reader } = loaded.value;
    if (state?.kind === 'draft') {
      return err({
        code: 'NOT_SUBMITTED',
        message: 'Vous pourrez écrire aux services une fois votre demande déposée.',
      });
    }
    const authorRole = reader === 'applicant' ? 'applicant' : 'agent';
    const [message] = await tx
      .insert(messages)
      .values({
        tenantId: row.tenantId,
        dossierId: row.id,
        authorId: context.session.userId,
        authorRole,
        body,
        createdAt: context.now,
      })
      .returning();
    await tx.insert(dossierEvents).values({
      tenantId: row.tenantId,
      dossierId: row.id,
      type: 'message_sent',
      actorId: context.session.userId,
      at: context.now,
      payload: { messageId: message!.id, authorRole, length: body.length },
      requestId: context.requestId,
    });
    return ok({
      id: message!.id,
      dossierId: row.id,
      authorRole,
      authorName: null,
      body,
      createdAt: context.now.toISOString(),
      mine: true,
    } satisfies MessageView);
  });
  if (!result.ok) await auditDenial(context, input.dossierId, result.error);
  return result;
}
