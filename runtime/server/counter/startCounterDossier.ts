import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, anonymousDossiers, counterDossiers, users } from '../../db/index.ts';
import { recordSessionAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  createDossier,
  type DossierContext,
  inTransaction,
  loadLatestVersion,
} from '../dossiers/index.ts';
import { counterErrors } from './counterErrors.ts';
import { onBehalfOf } from './onBehalfOf.ts';
import { staffFilingOf } from './staffFilingOf.ts';

export interface StartCounterInput {
  demarche: string;
  /** Who the dossier is for; absent when the démarche's applicant is the agent (`self`). */
  applicant?: { name: string; email?: string | undefined } | undefined;
}

export interface CounterStarted {
  id: string;
  /** `self`: the agent's own dossier, filled with the ordinary dossier procedures. */
  applicant: 'self' | 'person';
  /** For `person`: whether the dossier went to an account the person already had. */
  account: boolean;
}

/**
 * An agent opens a draft from the back office on a démarche whose latest published
 * version has `access.staff` naming one of their roles (docs/SECURITY.md §105):
 * - `self` (an internal note): the agent's own draft, made by `createDossier` as for a
 *   citizen; they fill and file it with the dossier procedures, as its applicant;
 * - `person`: a draft for someone at the counter or on the phone — the citizen account
 *   of the address given when there is one, otherwise a person without an account (a
 *   placeholder applicant named after them, their address when given so the démarche's
 *   mails reach them, the tracking code of dossiers without an account given at filing).
 *   `counter_dossiers` records which agent opened it: only they fill and file it.
 * Audited as `counter.start`, naming on whose behalf.
 */
export async function startCounterDossier(
  context: DossierContext,
  input: StartCounterInput,
): Promise<Result<CounterStarted, DomainError>> {
  const agent = context.session;
  const published = await loadLatestVersion(context.db, agent.tenantId, input.demarche);
  const staff = staffFilingOf(published?.definition.access, agent);
  if (published === null || staff === null) return err(counterErrors.notOpen());
  if (staff.applicant === 'self') {
    if (input.applicant !== undefined) return err(counterErrors.selfOnly());
    return inTransaction(context.db, async (tx) => {
      const created = await createDossier({ ...context, db: tx }, { demarche: input.demarche });
      if (!created.ok) return created;
      await recordSessionAudit(tx, context, {
        action: 'counter.start',
        object: `dossier:${created.value.id}`,
        details: { demarche: input.demarche, onBehalfOf: userRef(agent.userId) },
      });
      return ok({ id: created.value.id, applicant: 'self' as const, account: true });
    });
  }
  const person = input.applicant;
  if (person === undefined) return err(counterErrors.applicantNeeded());
  return inTransaction(context.db, async (tx) => {
    const applicant = await applicantFor(tx, agent.tenantId, person, context.now);
    if (!applicant.ok) return applicant;
    const { applicantId, account } = applicant.value;
    const created = await createDossier(
      { ...context, db: tx, session: onBehalfOf(agent, applicantId) },
      { demarche: input.demarche },
    );
    if (!created.ok) return created;
    const dossierId = created.value.id;
    await tx.insert(counterDossiers).values({
      tenantId: agent.tenantId,
      dossierId,
      agentId: agent.userId,
      applicantId,
      createdAt: context.now,
    });
    // A person without an account follows the dossier with a tracking code, as one filed
    // online without an account; no pass: nobody holds it in a browser yet.
    if (!account) {
      await tx.insert(anonymousDossiers).values({
        tenantId: agent.tenantId,
        dossierId,
        applicantId,
        createdAt: context.now,
      });
    }
    await recordSessionAudit(tx, context, {
      action: 'counter.start',
      object: `dossier:${dossierId}`,
      details: { demarche: input.demarche, onBehalfOf: userRef(applicantId), account },
    });
    return ok({ id: dossierId, applicant: 'person' as const, account });
  });
}

/**
 * The applicant of a counter dossier: the citizen account of `email` when there is one;
 * otherwise a new account without password named after the person — under their address
 * when given (mails reach them; « mot de passe oublié » later makes it theirs), else
 * under an `.invalid` address nobody can own. An account of the address made meanwhile
 * (another counter, the person signing up online) is taken as if it had been found: the
 * unique key on the address decides, never a 500.
 */
async function applicantFor(
  tx: AppDatabase,
  tenantId: string,
  person: { name: string; email?: string | undefined },
  now: Date,
): Promise<Result<{ applicantId: string; account: boolean }, DomainError>> {
  const email = person.email?.toLowerCase();
  if (email !== undefined) {
    const existing = await existingApplicant(tx, tenantId, email);
    if (existing !== undefined) return existing;
  }
  const applicantId = randomUUID();
  const [created] = await tx
    .insert(users)
    .values({
      tenantId,
      id: applicantId,
      email: email ?? `guichet-${applicantId}@guichet.invalid`,
      displayName: person.name,
      passwordHash: null,
      kind: 'citizen',
      createdAt: now,
    })
    // Waits for the other writer of the address, then does nothing if it committed; the
    // next statement reads what it committed.
    .onConflictDoNothing({ target: [users.tenantId, users.email] })
    .returning({ id: users.id });
  if (created !== undefined) return ok({ applicantId, account: false });
  const madeMeanwhile =
    email === undefined ? undefined : await existingApplicant(tx, tenantId, email);
  if (madeMeanwhile === undefined) throw new Error('guichet: users email conflict without a row');
  return madeMeanwhile;
}

/** The answer for an address that already has an account, or undefined when it has none. */
async function existingApplicant(
  tx: AppDatabase,
  tenantId: string,
  email: string,
): Promise<Result<{ applicantId: string; account: boolean }, DomainError> | undefined> {
  const [existing] = await tx
    .select({ id: users.id, kind: users.kind, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.email, email)));
  if (existing === undefined) return undefined;
  if (existing.kind !== 'citizen') return err(counterErrors.staffAddress());
  // A placeholder of an earlier counter visit has no password: still without an account.
  return ok({ applicantId: existing.id, account: existing.passwordHash !== null });
}
