import { capitalise, quote } from '../support/describe.ts';
import { fieldUses } from '../support/fieldReferences.ts';
import { inputProviders } from '../support/inputProviders.ts';
import type { LintContext } from '../support/lintContext.ts';
import { placeholderText, staticPath } from '../support/placeholderText.ts';
import { formatPath, resolveField } from '../support/resolveField.ts';
import { templatePlaceholders } from '../support/templatePlaceholders.ts';
import { lineNote, templateTexts } from '../support/templateTexts.ts';
import type { LintRule, Report } from '../types.ts';

const LIQUID_PSEUDO = new Set(['size', 'first', 'last']);

/**
 * `unknown-field`: a guard, routing or page condition, page, editable list, computed
 * field, json-logic `var`, `ui:order` or template placeholder names a field the form
 * (or, for `{{ input.x }}`, every transition sending the template) does not declare.
 * Nested paths are followed into declared objects; free-form objects are not judged.
 *
 * @example
 * // guard { properties: { revenu: { maximum: 1500 } } } while the field is revenuMensuel:
 * // { rule: 'unknown-field', pointer: '/workflow/transitions/5/guard/properties/revenu', … }
 */
export const unknownField: LintRule = {
  id: 'unknown-field',
  severity: 'error',
  description: 'Une condition, une page, un calcul ou un modèle qui nomme un champ inexistant.',
  check(context, report) {
    const seen = new Set<string>();
    for (const use of fieldUses(context)) {
      const found = resolveField(context.form, use.path);
      if (found.status !== 'missing') continue;
      const name = formatPath(use.path.slice(0, found.at + 1));
      if (seen.has(`${use.lead}\n${name}`)) continue; // `properties` and `required` of one field
      seen.add(`${use.lead}\n${name}`);
      report(use.pointer, `${use.lead} ${quote(name)}, qui n’existe pas dans le formulaire.`);
    }
    checkTemplates(context, report);
  },
};

function checkTemplates(context: LintContext, report: Report): void {
  for (const text of templateTexts(context)) {
    const parsed = templatePlaceholders(text.source);
    if (!parsed.ok) continue; // `invalid-template` reports it.
    for (const placeholder of parsed.placeholders) {
      const [root] = placeholder.segments;
      const path = staticPath(placeholder.segments);
      if (path.length === 0) continue;
      const where = `${capitalise(text.name)} utilise ${placeholderText(placeholder.segments)}${lineNote(text.source, placeholder.row)}`;
      if (root === 'data') {
        const found = resolveField(context.form, path, LIQUID_PSEUDO);
        if (found.status !== 'missing') continue;
        const name = formatPath(path.slice(0, found.at + 1));
        report(text.pointer, `${where}, mais le formulaire n’a pas de champ ${quote(name)}.`);
      } else if (root === 'input') {
        const providers = inputProviders(context, text, path);
        // Partly provided is `input-not-always-provided`; unused templates are not judged.
        if (providers.providing.length > 0 || providers.lacking.length === 0) continue;
        report(
          text.pointer,
          `${where}, mais aucune transition qui utilise ce modèle ne demande le champ ${quote(path.join('.'))} à son auteur.`,
        );
      }
    }
  }
}
