import { canPublish, type Diagnostic, lintDefinition } from '../../../shared/analysis/index.ts';
import { type DemarcheDefinition, loadDefinition } from '../../../shared/definition/index.ts';
import type { DefinitionCheck } from './demarcheTypes.ts';
import { testCaseDiagnostics } from './testCaseDiagnostics.ts';

export interface CheckedDefinition extends DefinitionCheck {
  /** The migrated, valid definition; null when structural problems remain. */
  definition: DemarcheDefinition | null;
}

/**
 * Everything that stands between a stored draft and publishing: `loadDefinition`
 * (migrate to the current format, then validate), then the linter on what loaded, plus
 * two checks of the server's — the definition's slug must be the démarche's, since
 * citizens reach it by that slug, and the admin's test cases must pass, played as of
 * `now` (only once lint finds no error: a test of a broken workflow says nothing new).
 * Lint needs a valid definition, so an invalid draft reports its structural problems only.
 *
 * @example
 * const check = checkDefinition(row.draft, { slug: row.slug }, ctx.now);
 * if (!check.publishable) return err(demarcheErrors.invalidDefinition(check.problems, check.diagnostics));
 */
export function checkDefinition(
  document: unknown,
  demarche: { slug: string },
  now: Date,
): CheckedDefinition {
  const loaded = loadDefinition(document);
  if (!loaded.ok) {
    return { definition: null, problems: loaded.error, diagnostics: [], publishable: false };
  }
  const definition = loaded.value;
  const linted = [...lintDefinition(definition), ...slugDiagnostics(definition, demarche)];
  const diagnostics = canPublish(linted)
    ? [...linted, ...testCaseDiagnostics(definition, now)]
    : linted;
  return { definition, problems: [], diagnostics, publishable: canPublish(diagnostics) };
}

function slugDiagnostics(definition: DemarcheDefinition, demarche: { slug: string }): Diagnostic[] {
  if (definition.meta.slug === demarche.slug) return [];
  return [
    {
      rule: 'slug-mismatch',
      severity: 'error',
      pointer: '/meta/slug',
      message: `L’identifiant de la définition (« ${definition.meta.slug} ») doit être celui de la démarche (« ${demarche.slug} »).`,
    },
  ];
}
