import { and, eq, isNull } from 'drizzle-orm';
import { type AppDatabase, accountTokens, tenants, users } from '../../db/index.ts';
import {
  ACCOUNT_LINK_LIFETIME_MS,
  ACCOUNT_LINK_PATH,
  accountMailJobSchema,
  drawAccountToken,
} from './accountTokens.ts';
import { sendAccountNotice } from './sendAccountNotice.ts';

/** The part of effects' mailer this needs (auth cannot import effects: see jobPort.ts). */
export interface AccountMailer {
  send(mail: { to: string[]; subject: string; text: string; messageId: string }): Promise<void>;
}

export interface AccountMailDeps {
  db: AppDatabase;
  mailer: AccountMailer;
  clock: () => Date;
  /** The origin in the link, e.g. `https://guichet.example.fr`; null: a relative link. */
  publicOrigin: string | null;
}

export type AccountMailOutcome = { status: 'done' } | { status: 'skipped'; reason: 'NOT_PENDING' };

/**
 * Mails a confirmation or password-reset link, or a notice with no link (the password was
 * changed: `sendAccountNotice`) — the worker's handler of `ACCOUNT_MAIL_QUEUE`. The token is drawn here and only its hash is written, with the
 * expiry counted from now, before the mail goes out: a job run twice mails a new token
 * that replaces the first, and no token ever sits in the database or the job table
 * (docs/SECURITY.md §50–§51). A link used or replaced meanwhile is skipped.
 *
 * @example
 * await sendAccountMail({ db, mailer, clock, publicOrigin }, job.data);
 */
export async function sendAccountMail(
  deps: AccountMailDeps,
  data: unknown,
): Promise<AccountMailOutcome> {
  const parsed = accountMailJobSchema.parse(data);
  if ('notice' in parsed) return sendAccountNotice(deps, parsed);
  const job = parsed;
  const now = deps.clock();
  const { token, hash } = drawAccountToken();
  const [link] = await deps.db
    .update(accountTokens)
    .set({ tokenHash: hash, sentAt: now })
    .where(
      and(
        eq(accountTokens.tenantId, job.tenantId),
        eq(accountTokens.id, job.tokenId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    )
    .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose });
  if (!link) return { status: 'skipped', reason: 'NOT_PENDING' };
  await deps.db
    .update(accountTokens)
    .set({ expiresAt: new Date(now.getTime() + ACCOUNT_LINK_LIFETIME_MS[link.purpose]) })
    .where(and(eq(accountTokens.tenantId, job.tenantId), eq(accountTokens.id, job.tokenId)));
  const [owner] = await deps.db
    .select({ email: users.email, displayName: users.displayName, tenant: tenants.name })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, job.tenantId), eq(users.id, link.userId)));
  if (!owner) return { status: 'skipped', reason: 'NOT_PENDING' };
  const url = `${deps.publicOrigin ?? ''}${ACCOUNT_LINK_PATH[link.purpose]}#jeton=${token}`;
  const mail =
    link.purpose === 'confirm_email'
      ? {
          subject: `Confirmez votre adresse e-mail — ${owner.tenant}`,
          lines: [
            `Vous avez créé un compte sur le guichet en ligne de ${owner.tenant}.`,
            'Pour confirmer votre adresse e-mail, ouvrez ce lien (valable 48 heures, une seule fois) :',
            url,
            '',
            'Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message : aucun dossier ne pourra être déposé avec ce compte.',
          ],
        }
      : {
          subject: `Réinitialisation de votre mot de passe — ${owner.tenant}`,
          lines: [
            `Une réinitialisation du mot de passe de votre compte sur le guichet en ligne de ${owner.tenant} a été demandée.`,
            'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :',
            url,
            '',
            'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
          ],
        };
  await deps.mailer.send({
    to: [owner.email],
    subject: mail.subject,
    text: [`Bonjour ${owner.displayName},`, '', ...mail.lines].join('\n'),
    messageId: `<account-${job.tokenId}-${now.getTime()}@guichet>`,
  });
  return { status: 'done' };
}
