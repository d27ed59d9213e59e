import { and, asc, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { messages, users } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial, type DossierContext, loadDossier } from '../dossiers/index.ts';
import type { MessageView } from './messageView.ts';

/**
 * The messages of a dossier, oldest first, for whoever may read the dossier (its
 * applicant, staff covering its unit). A staff member's read is audited, as for `get`.
 *
 * @example
 * const list = await listMessages(context, { dossierId });
 */
export async function listMessages(
  context: DossierContext,
  input: { dossierId: string },
): Promise<Result<MessageView[], DomainError>> {
  const loaded = await loadDossier(context.db, context.session, input.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, input.dossierId, loaded.error);
    return err(loaded.error);
  }
  const { row, reader } = loaded.value;
  const rows = await context.db
    .select({
      id: messages.id,
      authorId: messages.authorId,
      authorRole: messages.authorRole,
      authorName: users.displayName,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(users, and(eq(users.tenantId, messages.tenantId), eq(users.id, messages.authorId)))
    .where(and(eq(messages.tenantId, row.tenantId), eq(messages.dossierId, row.id)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  if (reader === 'staff') {
    await recordSessionAudit(context.db, context, {
      action: 'dossier.messages.read',
      object: `dossier:${row.id}`,
    });
  }
  return ok(
    rows.map((message) => ({
      id: message.id,
      dossierId: row.id,
      authorRole: message.authorRole,
      authorName: message.authorName,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      mine: message.authorId === context.session.userId,
    })),
  );
}
