import { inArray } from 'drizzle-orm';
import type { Diagnostic } from '../../../shared/analysis/index.ts';
import { type DemarcheDefinition, unitReferences } from '../../../shared/definition/index.ts';
import { units } from '../../db/schema/tenants.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';

/**
 * Publish-time refusal of unit codes the tenant has no unit for, or only an archived one
 * (docs/SECURITY.md §116), one diagnostic per place that names one (`unitReferences`). Without it a mistyped code published fine and every
 * dossier routed to it stayed without a unit — in every agent's queue. Read in the
 * publish transaction, so it judges the units as they are when the version is written.
 *
 * @example
 * await unitDiagnostics(tx, scope, definition);
 * // [{ rule: 'unknown-unit', pointer: '/routing/0/unit', message: 'Aucune unité … « ccas-famille » …' }]
 */
export async function unitDiagnostics(
  db: AppDatabase,
  scope: TenantScope,
  definition: DemarcheDefinition,
): Promise<Diagnostic[]> {
  const references = unitReferences(definition);
  if (references.length === 0) return [];
  const codes = [...new Set(references.map((reference) => reference.code))];
  const rows = await db
    .select({ code: units.code, archivedAt: units.archivedAt })
    .from(units)
    .where(scope.where(units, inArray(units.code, codes)));
  const archived = new Set(rows.filter((row) => row.archivedAt !== null).map((row) => row.code));
  const known = new Set(rows.map((row) => row.code));
  return references.flatMap((reference): Diagnostic[] => {
    if (archived.has(reference.code)) {
      return [
        {
          rule: 'archived-unit',
          severity: 'error',
          pointer: reference.pointer,
          message:
            `Le service « ${reference.code} » est archivé : choisissez un service en activité ` +
            'ou rétablissez-le, sinon les dossiers concernés ne lui seraient pas confiés.',
        },
      ];
    }
    if (known.has(reference.code)) return [];
    return [
      {
        rule: 'unknown-unit',
        severity: 'error',
        pointer: reference.pointer,
        message:
          `Aucune unité de l’organisation n’a le code « ${reference.code} » : créez-la ou ` +
          'corrigez le code, sinon les dossiers concernés ne seraient confiés à aucune unité.',
      },
    ];
  });
}
