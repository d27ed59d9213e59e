import { and, eq } from 'drizzle-orm';
import { dateTimeFr } from '../../../shared/templating/frenchFormats.ts';
import { type AppDatabase, tenants, users } from '../../db/index.ts';
import type { AccountNoticeJob } from './accountTokens.ts';

export interface AccountNoticeDeps {
  db: AppDatabase;
  mailer: {
    send(mail: { to: string[]; subject: string; text: string; messageId: string }): Promise<void>;
  };
  publicOrigin: string | null;
}

/**
 * Tells the owner of an account that its password was changed (docs/SECURITY.md §110):
 * whoever changed it with a stolen session is not the only one to know. The mail carries
 * no link, so nothing in it can be used to get in; it points to « Mot de passe oublié »,
 * which signs out every session. A disabled or vanished account is not mailed.
 *
 * @example
 * await sendAccountNotice(deps, { tenantId, userId, notice: 'password_changed', at });
 */
export async function sendAccountNotice(
  deps: AccountNoticeDeps,
  job: AccountNoticeJob,
): Promise<{ status: 'done' } | { status: 'skipped'; reason: 'NOT_PENDING' }> {
  const [owner] = await deps.db
    .select({
      email: users.email,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
      tenant: tenants.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, job.tenantId), eq(users.id, job.userId)));
  if (!owner || owner.disabledAt !== null) return { status: 'skipped', reason: 'NOT_PENDING' };
  const forgotten = `${deps.publicOrigin ?? ''}/mot-de-passe-oublie`;
  const lines = [
    `Bonjour ${owner.displayName},`,
    '',
    `Le mot de passe de votre compte sur le guichet en ligne de ${owner.tenant} a été modifié le ${dateTimeFr(job.at)}.`,
    'Les autres appareils connectés à votre compte ont été déconnectés.',
    '',
    'Si vous n’êtes pas à l’origine de ce changement, choisissez tout de suite un nouveau mot de passe avec « Mot de passe oublié » :',
    forgotten,
  ];
  await deps.mailer.send({
    to: [owner.email],
    subject: `Votre mot de passe a été modifié — ${owner.tenant}`,
    text: lines.join('\n'),
    messageId: `<password-changed-${job.userId}-${Date.parse(job.at)}@guichet>`,
  });
  return { status: 'done' };
}
