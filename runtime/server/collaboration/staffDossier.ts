import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { type DossierContext, type LoadedDossier, loadDossier } from '../dossiers/index.ts';

/**
 * Loads a dossier for the staff's own layer (comments, assignment, follows): only a
 * staff member who may read it gets it — an applicant reading their own dossier is
 * answered NOT_FOUND like anyone else here (the role gate already keeps citizens out).
 * `forUpdate` row-locks it for a change.
 *
 * @example
 * const loaded = await staffDossier(tx, context, input.dossierId, { forUpdate: true });
 */
export async function staffDossier(
  db: AppDatabase,
  context: DossierContext,
  dossierId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Result<LoadedDossier, DomainError>> {
  const loaded = await loadDossier(db, context.session, dossierId, options);
  if (!loaded.ok) return loaded;
  if (loaded.value.reader !== 'staff') {
    return err({
      code: 'NOT_FOUND',
      message: 'Ce dossier est introuvable.',
      denied: { dossierId },
    } as DomainError);
  }
  return ok(loaded.value);
}
