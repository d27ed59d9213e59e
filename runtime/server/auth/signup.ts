import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantScope, users } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/recordAudit.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { findTenantBySlug } from './accountQueries.ts';
import { UNKNOWN_TENANT } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy } from './passwordPolicy.ts';

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
    'Votre demande est enregistrée. Connectez-vous avec votre adresse e-mail et votre mot de passe.',
} as const;

/**
 * Creates a citizen account (SECURITY items 1–3): password policy first, then an
 * argon2id hash computed in every case (a taken email costs the same time), then an
 * insert that does nothing on a taken email. Both outcomes are audited, and only the
 * audit tells them apart. Until e-mail verification exists, a taken email can still be
 * probed by logging in with the password just chosen; that costs the login rate limit
 * and lockout, and the verification mail (telling the owner an account already exists)
 * will close it.
 *
 * @example
 * const result = await signup(db, { tenant: 'lyon', email, password, displayName }, request);
 */
export async function signup(
  db: AppDatabase,
  input: SignupInput,
  request: AuthRequest,
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
        }),
      )
      .onConflictDoNothing({ target: [users.tenantId, users.email] })
      .returning({ id: users.id });
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
