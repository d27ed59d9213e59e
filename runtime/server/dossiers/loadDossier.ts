import { and, eq } from 'drizzle-orm';
import type { StateDefinition } from '../../../shared/definition/types.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { dossiers, tenantScope } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { type Reader, readerOf } from './dossierAccess.ts';
import { dossierNotFound } from './dossierErrors.ts';
import { lockDossier, readDossier } from './dossierQueries.ts';
import type { DossierRow } from './dossierSnapshot.ts';
import { loadPublishedVersion, type PublishedVersion } from './publishedDefinition.ts';

/** A dossier the caller may read, with its published version and current state. */
export interface LoadedDossier {
  row: DossierRow;
  published: PublishedVersion;
  state: StateDefinition | undefined;
  reader: Exclude<Reader, null>;
}

/**
 * NOT_FOUND; `denied` (never sent to the client: the error formatter copies only code,
 * message, field errors and details) marks a dossier that exists but the caller may not
 * see, so the denial can be audited (docs/SECURITY.md §20).
 */
export type DossierLoadError = DomainError & { denied?: { dossierId: string } };

/**
 * Loads dossier `id` of the session's tenant if the caller may read it, else NOT_FOUND —
 * the same answer for a random id, another tenant's dossier and one outside the caller's
 * units. `forUpdate` row-locks it until the transaction ends: every mutation starts here,
 * so concurrent writers of one dossier queue and then see each other's revision.
 *
 * @example
 * const loaded = await loadDossier(tx, session, id, { forUpdate: true });
 * if (!loaded.ok) return loaded;
 */
export async function loadDossier(
  db: AppDatabase,
  session: SessionActor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Result<LoadedDossier, DossierLoadError>> {
  const scope = tenantScope(session.tenantId);
  const statement = options.forUpdate === true ? lockDossier : readDossier;
  const [row] = await statement.run(db, { tenantId: scope.tenantId, id });
  if (row === undefined) return err(dossierNotFound());
  const published = await loadPublishedVersion(db, scope.tenantId, row.demarcheId, row.version);
  if (published === null) throw new Error(`guichet: dossier ${id} has no published version`);
  const state = published.definition.workflow.states.find((s) => s.id === row.state);
  const reader = readerOf(session, row, state?.kind);
  if (reader === null) return err({ ...dossierNotFound(), denied: { dossierId: row.id } });
  return ok({ row, published, state, reader });
}

/** `tenant_id = … and id = …` for a dossier the caller has already loaded. */
export function sameDossier(row: DossierRow) {
  return and(eq(dossiers.tenantId, row.tenantId), eq(dossiers.id, row.id));
}
