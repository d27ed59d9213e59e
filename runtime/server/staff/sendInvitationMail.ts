import { and, eq, isNull } from 'drizzle-orm';
import { type AppDatabase, staffInvitations, tenants } from '../../db/index.ts';
import type { Mailer } from '../effects/index.ts';
import {
  drawInvitationToken,
  INVITATION_LIFETIME_MS,
  invitationJobSchema,
} from './invitationJob.ts';

export interface InvitationMailDeps {
  db: AppDatabase;
  mailer: Mailer;
  clock: () => Date;
  /** The origin in the link, e.g. `https://guichet.example.fr`; null: a relative link. */
  publicOrigin: string | null;
}

export type InvitationMailOutcome =
  | { status: 'done' }
  | { status: 'skipped'; reason: 'NOT_PENDING' };

/**
 * Mails an invitation link (the worker's handler of `STAFF_INVITATION_QUEUE`). The
 * token is drawn here and only its hash is written, with the link's expiry counted from
 * now, before the mail goes out: if the process dies after sending and the job runs
 * again, a new token replaces the first, so only the last mail's link works and no
 * token ever sits in the database or the job table (docs/SECURITY.md §40). An
 * invitation accepted or revoked meanwhile is skipped.
 *
 * @example
 * await sendInvitationMail({ db, mailer, clock, publicOrigin }, job.data);
 */
export async function sendInvitationMail(
  deps: InvitationMailDeps,
  data: unknown,
): Promise<InvitationMailOutcome> {
  const job = invitationJobSchema.parse(data);
  const now = deps.clock();
  const { token, hash } = drawInvitationToken();
  const [invitation] = await deps.db
    .update(staffInvitations)
    .set({
      tokenHash: hash,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    })
    .where(
      and(
        eq(staffInvitations.tenantId, job.tenantId),
        eq(staffInvitations.id, job.invitationId),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
      ),
    )
    .returning({ email: staffInvitations.email, displayName: staffInvitations.displayName });
  if (!invitation) return { status: 'skipped', reason: 'NOT_PENDING' };
  const [tenant] = await deps.db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, job.tenantId));
  const link = `${deps.publicOrigin ?? ''}/agent/invitation#jeton=${token}`;
  await deps.mailer.send({
    to: [invitation.email],
    subject: `Invitation à rejoindre ${tenant?.name ?? 'Guichet'}`,
    text: [
      `Bonjour ${invitation.displayName},`,
      '',
      `Vous êtes invité(e) à rejoindre l’espace agents de ${tenant?.name ?? 'Guichet'}.`,
      'Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 7 jours, une seule fois) :',
      link,
      '',
      'Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ].join('\n'),
    messageId: `<invitation-${job.invitationId}-${now.getTime()}@guichet>`,
  });
  return { status: 'done' };
}
