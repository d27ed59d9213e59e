import { and, eq } from 'drizzle-orm';
import { type AppDatabase, anonymousDossiers } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/**
 * Closes the dossier on this browser (« Fermer ce dossier sur cet appareil »): the pass
 * stops working at once; the tracking code still opens it again.
 */
export async function leaveAnonymousDossier(
  db: AppDatabase,
  holder: SessionActor | null,
): Promise<void> {
  if (holder === null) return;
  await db
    .update(anonymousDossiers)
    .set({ passHash: null, passExpiresAt: null })
    .where(
      and(
        eq(anonymousDossiers.tenantId, holder.tenantId),
        eq(anonymousDossiers.applicantId, holder.userId),
      ),
    );
}
