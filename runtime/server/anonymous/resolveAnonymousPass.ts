import { and, eq, gt } from 'drizzle-orm';
import { type AppDatabase, anonymousDossiers } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { ANONYMOUS_PASS_COOKIE, passHashOf } from './anonymousPass.ts';

/**
 * The actor of a visitor's pass cookie: the placeholder applicant of the one dossier
 * the pass holds, as a citizen without roles — or null (no cookie, junk, expired,
 * replaced). The tRPC edge lets it call only the few dossier procedures of
 * `ANONYMOUS_PROCEDURES`, and the dossier rules then admit it to that dossier alone,
 * since nobody else's dossier has it as applicant.
 *
 * @example
 * const actor = await resolveAnonymousPass(db, parseCookies(req.headers.cookie), new Date());
 */
export async function resolveAnonymousPass(
  db: AppDatabase,
  cookies: Record<string, string>,
  now: Date,
): Promise<SessionActor | null> {
  const hash = passHashOf(cookies[ANONYMOUS_PASS_COOKIE]);
  if (hash === null) return null;
  const [row] = await db
    .select({
      tenantId: anonymousDossiers.tenantId,
      dossierId: anonymousDossiers.dossierId,
      applicantId: anonymousDossiers.applicantId,
    })
    .from(anonymousDossiers)
    .where(and(eq(anonymousDossiers.passHash, hash), gt(anonymousDossiers.passExpiresAt, now)));
  if (row === undefined) return null;
  return anonymousActor(row);
}

/** The actor of a dossier's placeholder applicant. */
export function anonymousActor(row: {
  tenantId: string;
  dossierId: string;
  applicantId: string;
}): SessionActor {
  return {
    // Not a `sessions` row: nothing to revoke there; the pass is replaced instead.
    sessionId: `sans-compte:${row.dossierId}`,
    tenantId: row.tenantId,
    userId: row.applicantId,
    kind: 'citizen',
    roles: [],
    unitIds: [],
    unitCodes: [],
  };
}
