import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import {
  type Account,
  clearFailedLogins,
  findAccountByEmail,
  findTenantBySlug,
  recordFailedLogin,
} from './accountQueries.ts';
import { INVALID_CREDENTIALS } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { AccountKind } from './sessionPolicy.ts';
import { insertSession, purgeEndedSessions, revokeSession } from './sessionQueries.ts';

export interface LoginInput {
  tenant: string;
  email: string;
  password: string;
}

export interface LoginSuccess {
  token: string;
  kind: AccountKind;
  userId: string;
}

type Refusal = 'unknown_account' | 'no_password' | 'disabled' | 'locked' | 'wrong_password';

/** Why an existing account cannot log in whatever the password, or null. */
function blocker(account: Account, now: Date): Refusal | null {
  if (account.disabledAt) return 'disabled';
  if (!account.passwordHash) return 'no_password';
  if (account.lockedUntil && account.lockedUntil > now) return 'locked';
  return null;
}

/**
 * Checks a password and opens a new session (docs/SECURITY.md §2, 4, 20). Every refusal
 * returns `INVALID_CREDENTIALS` after one argon2 verification — against the decoy hash
 * when there is no usable account — so neither the answer nor its timing tells an
 * unknown email from a wrong password or a locked account. The 6th wrong password in a
 * row locks the account for 15 minutes. A success clears the counter, revokes the
 * session the browser came with, and returns the token of a brand-new one. On a
 * tenant's own address (`hostTenantId`) another tenant's slug is an unknown one: the
 * session could not be used there (docs/SECURITY.md §133).
 *
 * @example
 * const result = await login(db, { tenant: 'lyon', email, password }, { ...request, previous: ctx.session });
 * if (result.ok) ctx.setCookie(sessionCookie(result.value.token, result.value.kind));
 */
export async function login(
  db: AppDatabase,
  input: LoginInput,
  request: AuthRequest & { previous: SessionActor | null; hostTenantId?: string | undefined },
): Promise<Result<LoginSuccess, DomainError>> {
  const { now } = request;
  const named = await findTenantBySlug(db, input.tenant);
  const elsewhere = request.hostTenantId !== undefined && named?.id !== request.hostTenantId;
  const tenant = elsewhere ? null : named;
  const account = tenant ? await findAccountByEmail(db, tenant.id, input.email) : null;
  const refusal = account ? blocker(account, now) : 'unknown_account';
  const stored =
    refusal === null && account?.passwordHash ? account.passwordHash : await decoyHash();
  const matches = await verifyPassword(stored, input.password);
  if (!tenant) return err(INVALID_CREDENTIALS);

  const audit = { tenantId: tenant.id, requestId: request.requestId, at: now };
  if (!account || refusal !== null || !matches) {
    await db.transaction(async (tx) => {
      const locked =
        account && refusal === null ? await recordFailedLogin(tx, account, now) : false;
      const who = account ? userRef(account.id) : null;
      await recordAudit(tx, {
        ...audit,
        actor: 'anonymous',
        action: 'auth.login_failed',
        object: who,
        details: { reason: refusal ?? 'wrong_password', ip: request.ip },
      });
      if (locked) {
        await recordAudit(tx, { ...audit, actor: 'system', action: 'auth.lockout', object: who });
      }
    });
    return err(INVALID_CREDENTIALS);
  }

  const session = await db.transaction(async (tx) => {
    await clearFailedLogins(tx, account);
    if (request.previous) await revokeSession(tx, request.previous, now);
    const owner = { tenantId: account.tenantId, userId: account.id, kind: account.kind };
    await purgeEndedSessions(tx, owner, now);
    const opened = await insertSession(tx, owner, now);
    await recordAudit(tx, {
      ...audit,
      actor: userRef(account.id),
      action: 'auth.login',
      object: userRef(account.id),
      details: { kind: account.kind, ip: request.ip },
    });
    return opened;
  });
  return ok({ token: session.token, kind: account.kind, userId: account.id });
}
