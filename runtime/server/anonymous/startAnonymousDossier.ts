import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, anonymousDossiers, users } from '../../db/index.ts';
import type { UnitCatalog } from '../core/deps.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { createDossier, inTransaction, loadLatestVersion } from '../dossiers/index.ts';
import { anonymousErrors } from './anonymousErrors.ts';
import { DRAFT_PASS_S, newPass } from './anonymousPass.ts';
import { heldDossier, tenantIdBySlug } from './anonymousQueries.ts';
import { anonymousActor } from './resolveAnonymousPass.ts';

/** What agents read as the applicant's name of a dossier filed without an account. */
export const ANONYMOUS_APPLICANT_NAME = 'Déposé sans compte';

export interface StartRequest {
  db: AppDatabase;
  now: Date;
  requestId: string;
  units: UnitCatalog;
  /** The pass the browser already holds, if any: its draft of the same démarche resumes. */
  holder: SessionActor | null;
}

export interface Started {
  dossierId: string;
  /** The new pass's cookie value; null when the held draft resumes (same cookie). */
  passToken: string | null;
}

/**
 * Opens a draft without an account on démarche `demarche` of tenant `tenant`, if its
 * latest published version says `access.anonymous`: a placeholder applicant made for
 * this dossier alone (no password, an address under `.invalid` nobody can own, named
 * « Déposé sans compte »), the draft itself (`createDossier`, the same rules as for an
 * account) and its pass, in one transaction. A browser whose pass holds a draft of the
 * same démarche gets that draft back instead of a second one.
 *
 * @example
 * const started = await startAnonymousDossier(request, { tenant: 'demo', demarche: 'signalement' });
 * if (started.ok && started.value.passToken) ctx.setCookie(passCookie(started.value.passToken, DRAFT_PASS_S));
 */
export async function startAnonymousDossier(
  request: StartRequest,
  input: { tenant: string; demarche: string },
): Promise<Result<Started, DomainError>> {
  const tenantId = await tenantIdBySlug(request.db, input.tenant);
  if (tenantId === null) return err(anonymousErrors.notOpen());
  const published = await loadLatestVersion(request.db, tenantId, input.demarche);
  if (published === null || published.definition.access?.anonymous !== true) {
    return err(anonymousErrors.notOpen());
  }
  if (request.holder !== null && request.holder.tenantId === tenantId) {
    const held = await heldDossier(request.db, request.holder);
    if (held !== null && !held.submitted && held.demarcheId === published.demarcheId) {
      return ok({ dossierId: held.dossierId, passToken: null });
    }
  }
  const pass = newPass();
  return inTransaction(request.db, async (tx) => {
    const applicantId = randomUUID();
    await tx.insert(users).values({
      tenantId,
      id: applicantId,
      email: `sans-compte-${applicantId}@guichet.invalid`,
      displayName: ANONYMOUS_APPLICANT_NAME,
      passwordHash: null,
      kind: 'citizen',
      createdAt: request.now,
    });
    const placeholder = anonymousActor({ tenantId, dossierId: applicantId, applicantId });
    const created = await createDossier(
      {
        db: tx,
        session: placeholder,
        now: request.now,
        requestId: request.requestId,
        units: request.units,
      },
      { demarche: input.demarche },
    );
    if (!created.ok) return created;
    await tx.insert(anonymousDossiers).values({
      tenantId,
      dossierId: created.value.id,
      applicantId,
      passHash: pass.hash,
      passExpiresAt: new Date(request.now.getTime() + DRAFT_PASS_S * 1000),
      createdAt: request.now,
    });
    return ok({ dossierId: created.value.id, passToken: pass.token });
  });
}
