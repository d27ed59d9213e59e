import { and, asc, eq, sql } from 'drizzle-orm';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import {
  demarches,
  demarcheVersions,
  referenceRows,
  referenceTables,
  tenantScope,
} from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { DataSourceContext } from './dataSourceContext.ts';

/**
 * Deletes a reference table and its rows, audited (`reference_table.deleted`). Refused
 * while a published démarche (any version: a dossier stays on the version it started on)
 * has a `table` source naming it, with the list of those démarches: their citizens would
 * find nothing to choose (docs/SECURITY.md §117).
 *
 * @example
 * await deleteReferenceTable(context, { code: 'ecoles' });
 */
export async function deleteReferenceTable(
  context: DataSourceContext,
  input: { code: string },
): Promise<Result<{ code: string }, DomainError>> {
  const tenantId = context.session.tenantId;
  const scope = tenantScope(tenantId);
  return context.db.transaction(async (tx) => {
    const [table] = await tx
      .select({ code: referenceTables.code })
      .from(referenceTables)
      .where(scope.where(referenceTables, eq(referenceTables.code, input.code)))
      .for('update');
    if (!table) {
      return err<DomainError>({ code: 'NOT_FOUND', message: 'Cette table est introuvable.' });
    }
    const users = await demarchesNaming(tx, tenantId, input.code);
    if (users.length > 0) {
      return err<DomainError>({
        code: 'CONFLICT',
        message: `Cette table est utilisée par des démarches publiées : ${users.join(', ')}. Retirez-la de leurs formulaires et publiez-les avant de la supprimer.`,
        details: { demarches: users },
      });
    }
    await tx
      .delete(referenceRows)
      .where(and(eq(referenceRows.tenantId, tenantId), eq(referenceRows.tableCode, input.code)));
    await tx
      .delete(referenceTables)
      .where(scope.where(referenceTables, eq(referenceTables.code, input.code)));
    await recordSessionAudit(tx, context, {
      action: 'reference_table.deleted',
      object: `reference_table:${input.code}`,
      details: {},
    });
    return ok({ code: input.code });
  });
}

/** Titles of the démarches whose published versions have a `table` source on `code`. */
async function demarchesNaming(
  db: DataSourceContext['db'],
  tenantId: string,
  code: string,
): Promise<string[]> {
  const rows = await db
    .select({ title: demarches.title, definition: demarcheVersions.definition })
    .from(demarcheVersions)
    .innerJoin(
      demarches,
      and(
        eq(demarches.tenantId, demarcheVersions.tenantId),
        eq(demarches.id, demarcheVersions.demarcheId),
      ),
    )
    .where(
      tenantScope(tenantId).where(
        demarcheVersions,
        // Only versions whose text names the code are read as definitions.
        sql`strpos(${demarcheVersions.definition}::text, ${JSON.stringify(code)}) > 0`,
      ),
    )
    .orderBy(asc(demarches.title));
  const titles = rows
    .filter((row) =>
      ((row.definition as unknown as DemarcheDefinition).dataSources ?? []).some(
        (source) => source.kind === 'table' && source.table === code,
      ),
    )
    .map((row) => row.title);
  return [...new Set(titles)];
}
