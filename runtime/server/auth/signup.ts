import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantScope, users } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SendJob } from '../core/jobPort.ts';
import { findTenantBySlug } from './accountQueries.ts';
import { UNKNOWN_TENANT } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy } from './passwordPolicy.ts';
import { queueAccountMail } from './queueAccountMail.ts';

export interface SignupInput {
  tenant: string;
  email: string;
  password: string;
  displayName: string;
}

/**
 * The one answer to a valid sign-up, whether the account was created or the email was
 * already taken: sign-up must not reveal who has an account. It opens no session either
 * (a session would tell the two cases apart); the citizen then logs in.
 */
export const SIGNUP_ACCEPTED = {
  message:
    'Votre demande est enregistrée. Si un compte a été créé, un e-mail de confirmation vient de vous être envoyé : ouvrez le lien qu’il contient pour pouvoir déposer vos dossiers. Vous pouvez déjà vous connecter.',
} as const;

/**
 * Creates a citizen account (docs/SECURITY.md §1–3): password policy first, then an
 * argon2id hash computed in every case (a taken email costs the same time), then an
 * insert that does nothing on a taken email. Both outcomes are audited, and only the
 * audit tells them apart. A new account starts unconfirmed and, in the same transaction,
 * its confirmation link is queued for the worker to mail (docs/SECURITY.md §50). A taken
 * email can still be probed by logging in with the password just chosen; that costs the
 * login rate limit and lockout.
 *
 * @example
 * const result = await signup(db, { tenant: 'lyon', email, password, displayName }, request, deps.sendJob);
 */
export async function signup(
  db: AppDatabase,
  input: SignupInput,
  request: AuthRequest,
  sendJob: SendJob,
): Promise<Result<typeof SIGNUP_ACCEPTED, DomainError>> {
  const tenant = await findTenantBySlug(db, input.tenant);
  if (!tenant) return err(UNKNOWN_TENANT);
  const policy = checkPasswordPolicy(input.password, [input.email, input.displayName]);
  if (!policy.ok) return policy;
  const passwordHash = await hashPassword(input.password);
  const scope = tenantScope(tenant.id);
  const email = input.email.toLowerCase();

  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values(
        scope.values({
          email,
          displayName: input.displayName,
          kind: 'citizen' as const,
          passwordHash,
          emailConfirmedAt: null,
        }),
      )
      .onConflictDoNothing({ target: [users.tenantId, users.email] })
      .returning({ id: users.id });
    if (created) {
      const mail = { tenantId: tenant.id, userId: created.id, now: request.now };
      await queueAccountMail(tx, sendJob, { ...mail, purpose: 'confirm_email' });
    }
    const [existing] = created
      ? [created]
      : await tx
          .select({ id: users.id })
          .from(users)
          .where(scope.where(users, eq(users.email, email)));
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: created ? userRef(created.id) : 'anonymous',
      action: 'auth.signup',
      object: existing ? userRef(existing.id) : null,
      requestId: request.requestId,
      at: request.now,
      details: { outcome: created ? 'created' : 'email_taken', ip: request.ip },
    });
  });
  return ok(SIGNUP_ACCEPTED);
}
