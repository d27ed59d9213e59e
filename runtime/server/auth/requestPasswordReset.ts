import { ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SendJob } from '../core/jobPort.ts';
import { hit } from '../rateLimit/index.ts';
import { findAccountByEmail, findTenantBySlug } from './accountQueries.ts';
import type { AuthRequest } from './authRequest.ts';
import { queueAccountMail } from './queueAccountMail.ts';

/** 3 reset mails per address and per hour; beyond that, the same answer and no mail. */
const PER_ADDRESS_LIMIT = { limit: 3, windowMs: 60 * 60_000 };

/**
 * The one answer to a reset request, whether or not an account has that address: the
 * form must not tell who has an account (docs/SECURITY.md §51).
 */
export const RESET_REQUESTED = {
  message:
    'Si un compte existe avec cette adresse, un e-mail contenant un lien de réinitialisation vient de lui être envoyé. Ce lien est valable 1 heure.',
} as const;

/**
 * « Mot de passe oublié » (docs/SECURITY.md §51): queues a reset link for a citizen's
 * active account with a password, and answers `RESET_REQUESTED` in every case —
 * unknown tenant or address, staff or disabled account, or past the per-address limit
 * (which then sends nothing, so nobody floods a mailbox). Every case runs the same
 * counter and lookups first; only a real account adds one short transaction. The
 * per-address counter is keyed on what was typed, so it says nothing either.
 *
 * @example
 * await requestPasswordReset(db, { tenant: 'demo', email }, request, deps.sendJob);
 */
export async function requestPasswordReset(
  db: AppDatabase,
  input: { tenant: string; email: string },
  request: AuthRequest,
  sendJob: SendJob,
): Promise<Result<typeof RESET_REQUESTED, DomainError>> {
  const email = input.email.toLowerCase();
  const key = `password-reset:email:${input.tenant}:${email}`;
  const verdict = await hit(db, { key, ...PER_ADDRESS_LIMIT }, request.now);
  const tenant = await findTenantBySlug(db, input.tenant);
  const account = tenant ? await findAccountByEmail(db, tenant.id, email) : null;
  const eligible =
    verdict.allowed &&
    account !== null &&
    account.kind === 'citizen' &&
    account.disabledAt === null &&
    account.passwordHash !== null;
  if (!eligible || !account) return ok(RESET_REQUESTED);
  await db.transaction(async (tx) => {
    const owner = { tenantId: account.tenantId, userId: account.id };
    await queueAccountMail(tx, sendJob, { ...owner, purpose: 'reset_password', now: request.now });
    await recordAudit(tx, {
      tenantId: account.tenantId,
      actor: 'anonymous',
      action: 'auth.password_reset_requested',
      object: userRef(account.id),
      requestId: request.requestId,
      at: request.now,
      details: { ip: request.ip },
    });
  });
  return ok(RESET_REQUESTED);
}
