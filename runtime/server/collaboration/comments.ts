import { and, asc, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierComments, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial, type DossierContext, inTransaction } from '../dossiers/index.ts';
import { MAX_COMMENT_LENGTH } from './collaborationInputs.ts';
import { recordCollaboration } from './recordCollaboration.ts';
import { staffDossier } from './staffDossier.ts';

export interface CommentView {
  id: string;
  dossierId: string;
  authorName: string | null;
  body: string;
  createdAt: string;
  mine: boolean;
}

/**
 * Adds a private comment to a dossier: agents, supervisors and admins who may read the
 * dossier write and read them; its applicant never does, by any procedure
 * (docs/SECURITY.md §41). Plain text, trimmed. A `comment_added` event (staff-only) and
 * an audit row name the comment, never its text. The dossier's revision does not move:
 * a note changes no data and must not make a colleague's open form stale.
 *
 * @example
 * await addComment(context, { dossierId, body: 'Pièce d’identité à vérifier avec la CAF.' });
 */
export async function addComment(
  context: DossierContext,
  input: { dossierId: string; body: string },
): Promise<Result<CommentView, DomainError>> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > MAX_COMMENT_LENGTH) {
    return err({
      code: 'INVALID_INPUT',
      message: `Le commentaire doit contenir entre 1 et ${MAX_COMMENT_LENGTH} caractères.`,
      fieldErrors: { body: ['Le commentaire est vide ou trop long.'] },
    });
  }
  const result = await inTransaction<CommentView, DomainError>(context.db, async (tx) => {
    const loaded = await staffDossier(tx, context, input.dossierId);
    if (!loaded.ok) return loaded;
    const { row } = loaded.value;
    const [comment] = await tx
      .insert(dossierComments)
      .values({
        tenantId: row.tenantId,
        dossierId: row.id,
        authorId: context.session.userId,
        body,
        createdAt: context.now,
      })
      .returning({ id: dossierComments.id });
    await recordCollaboration(tx, context, {
      tenantId: row.tenantId,
      dossierId: row.id,
      type: 'comment_added',
      payload: { commentId: comment!.id, length: body.length },
    });
    return ok({
      id: comment!.id,
      dossierId: row.id,
      authorName: null,
      body,
      createdAt: context.now.toISOString(),
      mine: true,
    });
  });
  if (!result.ok) await auditDenial(context, input.dossierId, result.error);
  return result;
}

/**
 * The private comments of a dossier, oldest first, for staff who may read it.
 *
 * @example
 * const comments = await listComments(context, { dossierId });
 */
export async function listComments(
  context: DossierContext,
  input: { dossierId: string },
): Promise<Result<CommentView[], DomainError>> {
  const loaded = await staffDossier(context.db, context, input.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, input.dossierId, loaded.error);
    return loaded;
  }
  const { row } = loaded.value;
  const rows = await context.db
    .select({
      id: dossierComments.id,
      authorId: dossierComments.authorId,
      authorName: users.displayName,
      body: dossierComments.body,
      createdAt: dossierComments.createdAt,
    })
    .from(dossierComments)
    .leftJoin(
      users,
      and(eq(users.tenantId, dossierComments.tenantId), eq(users.id, dossierComments.authorId)),
    )
    .where(and(eq(dossierComments.tenantId, row.tenantId), eq(dossierComments.dossierId, row.id)))
    .orderBy(asc(dossierComments.createdAt), asc(dossierComments.id));
  return ok(
    rows.map((comment) => ({
      id: comment.id,
      dossierId: row.id,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      mine: comment.authorId === context.session.userId,
    })),
  );
}
