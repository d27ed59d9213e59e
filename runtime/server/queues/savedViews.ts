import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import { savedViews } from '../../db/schema/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { lockUntilCommit } from '../core/lockUntilCommit.ts';
import { inTransaction } from '../dossiers/index.ts';
import type { QueueServiceContext } from './listQueue.ts';

/** A working list of shortcuts, not an archive. */
export const MAX_SAVED_VIEWS = 30;

/**
 * Input of `queues.views.save`. `search` is the queue's query string as the agent app
 * keeps it; it is only ever parsed back by that app, which drops what it does not
 * understand (`filtersFromSearch`), so it is stored as bounded text, never interpreted
 * by the server.
 */
export const saveViewInput = z.strictObject({
  name: z.string().trim().min(1, 'Donnez un nom à la vue.').max(60, 'Au plus 60 caractères.'),
  search: z
    .string()
    .max(2000)
    .regex(/^(\?[^#\s]*)?$/, 'Filtres invalides.'),
});
export const viewIdInput = z.strictObject({
  id: z.uuid({ error: 'Identifiant de vue invalide.' }),
});

export interface SavedView {
  id: string;
  name: string;
  search: string;
}

/**
 * The caller's saved views, by name. Personal: the query is keyed by the session's
 * tenant and user, never by an input (docs/SECURITY.md §75).
 *
 * @example
 * const views = await listViews(ctx); // [{ id, name: 'Mes urgents', search: '?seulement=mine&priorite=urgent' }]
 */
export async function listViews(ctx: QueueServiceContext): Promise<SavedView[]> {
  return ctx.db
    .select({ id: savedViews.id, name: savedViews.name, search: savedViews.search })
    .from(savedViews)
    .where(
      and(eq(savedViews.tenantId, ctx.viewer.tenantId), eq(savedViews.userId, ctx.viewer.userId)),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

/**
 * Saves the current filters under a name for the caller. A name they already use is a
 * CONFLICT (nothing overwritten); past `MAX_SAVED_VIEWS` the save is refused. One
 * agent's saves take turns (a lock per agent, to the transaction's end): two tabs
 * saving the thirtieth view at once both counted 29 and both inserted.
 *
 * @example
 * await saveView(ctx, { name: 'Mes urgents', search: '?seulement=mine&priorite=urgent' });
 */
export async function saveView(
  ctx: QueueServiceContext,
  input: z.output<typeof saveViewInput>,
): Promise<Result<SavedView, DomainError>> {
  const { tenantId, userId } = ctx.viewer;
  const mine = and(eq(savedViews.tenantId, tenantId), eq(savedViews.userId, userId));
  return inTransaction<SavedView, DomainError>(ctx.db, async (tx) => {
    await lockUntilCommit(tx, `guichet.saved-views:${tenantId}:${userId}`);
    const [held] = await tx.select({ n: count() }).from(savedViews).where(mine);
    if (Number(held?.n ?? 0) >= MAX_SAVED_VIEWS) {
      return err({
        code: 'INVALID_INPUT',
        message: `Vous avez déjà ${MAX_SAVED_VIEWS} vues enregistrées : supprimez-en une d’abord.`,
      });
    }
    const [saved] = await tx
      .insert(savedViews)
      .values({ tenantId, userId, name: input.name, search: input.search, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning({ id: savedViews.id, name: savedViews.name, search: savedViews.search });
    if (!saved) {
      return err({
        code: 'CONFLICT',
        message: `Vous avez déjà une vue nommée « ${input.name} ».`,
        fieldErrors: { name: ['Ce nom est déjà pris.'] },
      });
    }
    return ok(saved);
  });
}

/**
 * Deletes one of the caller's views; another agent's view, or another tenant's, is
 * NOT_FOUND exactly as an id that exists nowhere.
 *
 * @example
 * await deleteView(ctx, { id });
 */
export async function deleteView(
  ctx: QueueServiceContext,
  input: { id: string },
): Promise<Result<{ id: string }, DomainError>> {
  const deleted = await ctx.db
    .delete(savedViews)
    .where(
      and(
        eq(savedViews.tenantId, ctx.viewer.tenantId),
        eq(savedViews.userId, ctx.viewer.userId),
        eq(savedViews.id, input.id),
      ),
    )
    .returning({ id: savedViews.id });
  if (deleted.length === 0)
    return err({ code: 'NOT_FOUND', message: 'Cette vue est introuvable.' });
  return ok({ id: input.id });
}
