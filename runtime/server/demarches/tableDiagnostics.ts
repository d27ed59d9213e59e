import { inArray } from 'drizzle-orm';
import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { referenceTables } from '../../db/schema/referenceTables.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';

/**
 * Publish-time refusal of a `table` data source naming a reference table the tenant has
 * not imported: the citizen would find nothing to choose and every answer would be
 * refused. Read in the publish transaction, like the units.
 *
 * @example
 * await tableDiagnostics(tx, scope, definition);
 * // [{ rule: 'unknown-reference-table', pointer: '/dataSources/0/table', … }]
 */
export async function tableDiagnostics(
  db: AppDatabase,
  scope: TenantScope,
  definition: DemarcheDefinition,
): Promise<Diagnostic[]> {
  const named = (definition.dataSources ?? []).flatMap((source, index) =>
    source.kind === 'table' && typeof source.table === 'string' && source.table !== ''
      ? [{ index, table: source.table }]
      : [],
  );
  if (named.length === 0) return [];
  const rows = await db
    .select({ code: referenceTables.code })
    .from(referenceTables)
    .where(
      scope.where(
        referenceTables,
        inArray(
          referenceTables.code,
          named.map((source) => source.table),
        ),
      ),
    );
  const known = new Set(rows.map((row) => row.code));
  return named
    .filter((source) => !known.has(source.table))
    .map((source) => ({
      rule: 'unknown-reference-table',
      severity: 'error',
      pointer: `/dataSources/${source.index}/table`,
      message:
        `Aucune table de référence n’a le code « ${source.table} » : importez-la ` +
        '(Tables de référence) ou corrigez le code, sinon le champ n’aurait rien à proposer.',
    }));
}
