import { and, desc, eq } from 'drizzle-orm';
import { ok, type Result } from '../../../shared/result.ts';
import { dossierFollows, dossiers } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  auditDenial,
  type DossierContext,
  inTransaction,
  loadPublishedVersion,
  readerOf,
} from '../dossiers/index.ts';
import { recordCollaboration } from './recordCollaboration.ts';
import { staffDossier } from './staffDossier.ts';

/**
 * Adds the dossier to the caller's « suivis » (or removes it): a personal list, so the
 * dossier's revision does not move. Only a real change is recorded — a `followed` or
 * `unfollowed` event (staff-only) and an audit row; following twice is harmless.
 *
 * @example
 * await setFollowing(context, { dossierId }, true);
 */
export async function setFollowing(
  context: DossierContext,
  input: { dossierId: string },
  follow: boolean,
): Promise<Result<{ dossierId: string; following: boolean }, DomainError>> {
  const result = await inTransaction<{ dossierId: string; following: boolean }, DomainError>(
    context.db,
    async (tx) => {
      const loaded = await staffDossier(tx, context, input.dossierId);
      if (!loaded.ok) return loaded;
      const { row } = loaded.value;
      const key = { tenantId: row.tenantId, userId: context.session.userId, dossierId: row.id };
      const changed = follow
        ? await tx
            .insert(dossierFollows)
            .values({ ...key, createdAt: context.now })
            .onConflictDoNothing()
            .returning({ dossierId: dossierFollows.dossierId })
        : await tx
            .delete(dossierFollows)
            .where(
              and(
                eq(dossierFollows.tenantId, key.tenantId),
                eq(dossierFollows.userId, key.userId),
                eq(dossierFollows.dossierId, key.dossierId),
              ),
            )
            .returning({ dossierId: dossierFollows.dossierId });
      if (changed.length > 0) {
        await recordCollaboration(tx, context, {
          tenantId: row.tenantId,
          dossierId: row.id,
          type: follow ? 'followed' : 'unfollowed',
          payload: {},
        });
      }
      return ok({ dossierId: row.id, following: follow });
    },
  );
  if (!result.ok) await auditDenial(context, input.dossierId, result.error);
  return result;
}

export interface FollowedDossier {
  dossierId: string;
  reference: string | null;
  demarche: { id: string; title: string };
  state: { id: string; label: string };
  assignedToMe: boolean;
  updatedAt: string;
  followedAt: string;
}

/** At most this many, newest follows first: a working list, not an archive. */
export const MAX_FOLLOWED = 500;

/**
 * The caller's « suivis »: the dossiers they follow that they may still read (a
 * dossier routed away from their units since drops out of the list, as it would from
 * `dossiers.get`), newest follow first.
 *
 * @example
 * const { items } = await listFollowed(context);
 */
export async function listFollowed(context: DossierContext): Promise<{ items: FollowedDossier[] }> {
  const session = context.session;
  const rows = await context.db
    .select({
      dossierId: dossiers.id,
      reference: dossiers.reference,
      demarcheId: dossiers.demarcheId,
      version: dossiers.version,
      state: dossiers.state,
      applicantId: dossiers.applicantId,
      unitCode: dossiers.unitCode,
      assigneeId: dossiers.assigneeId,
      updatedAt: dossiers.updatedAt,
      followedAt: dossierFollows.createdAt,
    })
    .from(dossierFollows)
    .innerJoin(
      dossiers,
      and(
        eq(dossiers.tenantId, dossierFollows.tenantId),
        eq(dossiers.id, dossierFollows.dossierId),
      ),
    )
    .where(
      and(eq(dossierFollows.tenantId, session.tenantId), eq(dossierFollows.userId, session.userId)),
    )
    .orderBy(desc(dossierFollows.createdAt))
    .limit(MAX_FOLLOWED);
  const items: FollowedDossier[] = [];
  for (const row of rows) {
    const published = await loadPublishedVersion(
      context.db,
      session.tenantId,
      row.demarcheId,
      row.version,
    );
    const state = published?.definition.workflow.states.find(
      (candidate) => candidate.id === row.state,
    );
    if (!published || readerOf(session, row, state?.kind) !== 'staff') continue;
    items.push({
      dossierId: row.dossierId,
      reference: row.reference,
      demarche: { id: row.demarcheId, title: published.title },
      state: { id: row.state, label: state?.label ?? row.state },
      assignedToMe: row.assigneeId === session.userId,
      updatedAt: row.updatedAt.toISOString(),
      followedAt: row.followedAt.toISOString(),
    });
  }
  return { items };
}
