import { and, eq, isNotNull } from 'drizzle-orm';
import { type AppTransaction, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/**
 * Whether the caller's address is confirmed (docs/SECURITY.md §50). Read in the
 * submission's transaction, beside its other statements, rather than kept in the session:
 * a citizen who confirms in another tab can submit at once.
 */
export async function emailConfirmed(tx: AppTransaction, session: SessionActor): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.tenantId, session.tenantId),
        eq(users.id, session.userId),
        isNotNull(users.emailConfirmedAt),
      ),
    );
  return row !== undefined;
}

/** A citizen who has not opened the link mailed at sign-up yet. */
export function emailNotConfirmed(): DomainError {
  return {
    code: 'EMAIL_NOT_CONFIRMED',
    message:
      'Confirmez d’abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé à l’inscription. Votre brouillon est conservé.',
  };
}
