import { err, ok, type Result } from '../../../shared/result.ts';
import type { StoredDefinition } from '../../db/schema/demarches.ts';
import type { DomainError } from '../core/domainError.ts';
import { isUniqueViolation } from '../core/sqlState.ts';
import { auditDemarche } from './auditDemarche.ts';
import { checkDefinition } from './checkDefinition.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { lockDemarche, setDemarcheTitle, takePublishTurn } from './demarcheQueries.ts';
import type { VersionSummary } from './demarcheTypes.ts';
import { diffDefinitions } from './diffDefinitions.ts';
import { outboundDiagnostics } from './outboundDiagnostics.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { tableDiagnostics } from './tableDiagnostics.ts';
import { toVersionSummary } from './toVersionSummary.ts';
import { unitDiagnostics } from './unitDiagnostics.ts';
import { findVersion, insertVersion } from './versionQueries.ts';

/**
 * Publishes the draft as the next immutable version, in one transaction with its audit
 * row. Refused, with nothing written, when:
 * - the draft moved on since the admin looked (`revision`): STALE_REVISION — they must
 *   not publish something they have not seen;
 * - it does not load or lint clean, or a webhook effect or a URL data source names an
 *   address the server would refuse to call (`outboundDiagnostics`): INVALID_DEFINITION, problems and diagnostics in
 *   `details`, each with a pointer the designer can highlight; so is a unit code no unit
 *   of the tenant has (`unitDiagnostics`), and a reference table it has not imported
 *   (`tableDiagnostics`);
 * - it is identical to the latest version (a double click): ALREADY_PUBLISHED.
 * The version number is the latest plus one. Publishes of one démarche take turns
 * (`takePublishTurn`), so two at once answer as one after the other; the primary key
 * still stands behind it (CONFLICT), never two versions with one number.
 * The row is key-share locked first, so a concurrent `deleteDraft` of a never-published
 * démarche either waits for this version (then only discards the draft) or has deleted
 * the row (NOT_FOUND here) — never a failed foreign key.
 * The stored definition is the migrated one, so versions are always in the current format.
 *
 * @example
 * const published = await publishDemarche(ctx, { id, revision: detail.draftRevision });
 * if (published.ok) published.value.version; // 1, then 2…
 */
export async function publishDemarche(
  ctx: DemarcheServiceContext,
  input: { id: string; revision: number },
): Promise<Result<VersionSummary, DomainError>> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await takePublishTurn(tx, ctx.scope, input.id);
      // Key share: a save may go on meanwhile, a delete may not (see above).
      const row = await lockDemarche(tx, ctx.scope, { id: input.id, mode: 'key share' });
      if (!row) return err(demarcheErrors.notFound());
      if (row.draftRevision !== input.revision) {
        return err(demarcheErrors.staleRevision(row.draftRevision));
      }
      const check = checkDefinition(row.draft, row, ctx.now);
      // Webhook and URL-source hosts are looked up here, as before each call.
      const hooks = check.definition ? await outboundDiagnostics(check.definition) : [];
      const unknownUnits = check.definition
        ? [
            ...(await unitDiagnostics(tx, ctx.scope, check.definition)),
            ...(await tableDiagnostics(tx, ctx.scope, check.definition)),
          ]
        : [];
      if (!check.publishable || !check.definition || hooks.length + unknownUnits.length > 0) {
        const diagnostics = [...check.diagnostics, ...hooks, ...unknownUnits];
        return err(demarcheErrors.invalidDefinition(check.problems, diagnostics));
      }
      const definition = check.definition as unknown as StoredDefinition;
      const latest = await findVersion(tx, ctx.scope, row.id);
      if (latest && diffDefinitions(latest.definition, definition).length === 0) {
        return err(demarcheErrors.alreadyPublished(latest.version));
      }
      const version = await insertVersion(tx, ctx.scope, {
        demarcheId: row.id,
        version: (latest?.version ?? 0) + 1,
        definition,
        publishedAt: ctx.now,
        publishedBy: ctx.userId,
      });
      if (row.title !== check.definition.meta.title) {
        await setDemarcheTitle(tx, ctx.scope, { id: row.id, title: check.definition.meta.title });
      }
      await auditDemarche(tx, ctx, 'demarche.publish', row.id, {
        version: version.version,
        revision: row.draftRevision,
      });
      return ok(toVersionSummary(version));
    });
  } catch (error) {
    if (isUniqueViolation(error, 'demarche_versions_tenant_id_demarche_id_version_pk')) {
      return err(demarcheErrors.publishRaced());
    }
    throw error;
  }
}
