import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierEvents, dossiers, PRIORITY_RANKS } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { DossierContext } from './dossierContext.ts';
import { type DossierView, dossierView } from './dossierView.ts';
import { loadLatestVersion } from './publishedDefinition.ts';

/**
 * Opens a draft for the calling citizen on the LATEST published version of démarche
 * `slug`: initial state, revision 0, empty data, no reference until submitted. The
 * dossier stays on that version for its whole life. Its first event (`created`) starts
 * the hash chain, in the same transaction.
 *
 * @example
 * const created = await createDossier(context, { demarche: 'aide-sociale' });
 * if (created.ok) navigate(`/dossiers/${created.value.id}`);
 */
export async function createDossier(
  context: DossierContext,
  input: { demarche: string },
): Promise<Result<DossierView, DomainError>> {
  const tenantId = context.session.tenantId;
  const published = await loadLatestVersion(context.db, tenantId, input.demarche);
  // An internal démarche (`access.staff.applicant: 'self'`, an agent's note to a service)
  // is not one citizens file: it does not exist for them (docs/SECURITY.md §107).
  const internal = published?.definition.access?.staff?.applicant === 'self';
  if (published === null || (internal && context.session.kind !== 'staff')) {
    return err({
      code: 'NOT_FOUND',
      message: 'Cette démarche est introuvable ou n’est pas encore ouverte.',
    });
  }
  const initialState = published.definition.workflow.initialState;
  const row = await context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(dossiers)
      .values({
        tenantId,
        demarcheId: published.demarcheId,
        version: published.version,
        applicantId: context.session.userId,
        state: initialState,
        revision: 0,
        data: {},
        priority: PRIORITY_RANKS.normal,
        createdAt: context.now,
        enteredStateAt: context.now,
        updatedAt: context.now,
      })
      .returning();
    await tx.insert(dossierEvents).values({
      tenantId,
      dossierId: created!.id,
      type: 'created',
      actorId: context.session.userId,
      at: context.now,
      payload: { demarche: published.slug, version: published.version, state: initialState },
      requestId: context.requestId,
    });
    return created!;
  });
  return ok(dossierView(row, published, context.session));
}
