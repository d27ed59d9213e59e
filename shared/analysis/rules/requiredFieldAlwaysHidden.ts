import type { FormPage } from '../../definition/types.ts';
import { deadRequirements } from '../support/deadRequirements.ts';
import { quote, quoteList } from '../support/describe.ts';
import type { LintContext } from '../support/lintContext.ts';
import { pointer } from '../support/pointer.ts';
import { formatPath, resolveField } from '../support/resolveField.ts';
import { rootRequirements } from '../support/rootRequirements.ts';
import { analyseCondition } from '../support/schemaContradictions.ts';
import { collectSchemaReferences } from '../support/schemaReferences.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `required-field-always-hidden`: a field the citizen must fill but can never see — it
 * is declared nowhere, placed on no page, only on pages that are never shown, or hidden
 * by its widget without a default (and not computed). Every submission would fail.
 * Also warns (see `deadRequirements`) about requirements whose condition never holds.
 *
 * @example
 * // required: ['iban'] with pages that never list 'iban':
 * // { rule: 'required-field-always-hidden', pointer: '/form/schema/required/5', … }
 */
export const requiredFieldAlwaysHidden: LintRule = {
  id: 'required-field-always-hidden',
  severity: 'error',
  description: 'Un champ obligatoire que l’usager ne peut jamais voir, ni donc remplir.',
  check(context, report) {
    const form = isObject(context.definition.form) ? context.definition.form : undefined;
    const flagged = new Set<string>();
    for (const ref of collectSchemaReferences(form?.schema, pointer('form', 'schema'))) {
      if (ref.kind !== 'required' || ref.inCondition) continue;
      const found = resolveField(context.form, ref.path);
      if (found.status !== 'missing') continue;
      const name = formatPath(ref.path);
      if (flagged.has(name)) continue;
      flagged.add(name);
      report(
        ref.pointer,
        `Le champ ${quote(name)} est obligatoire mais n’est déclaré nulle part dans le formulaire : l’usager ne pourra jamais le remplir, ni donc déposer sa demande.`,
      );
    }
    for (const requirement of rootRequirements(form?.schema, pointer('form', 'schema'))) {
      if (flagged.has(requirement.name) || !context.form.properties.has(requirement.name)) continue;
      const why = hiddenBecause(context, requirement.name);
      if (why === null) continue;
      flagged.add(requirement.name);
      report(
        requirement.pointer,
        `Le champ obligatoire ${quote(requirement.name)} ${why} : l’usager ne pourra pas le remplir, ni donc déposer sa demande.`,
      );
    }
    deadRequirements(context, report);
  },
};

/** Why the citizen never sees the top-level field `name`, or `null` if they may. */
function hiddenBecause(context: LintContext, name: string): string | null {
  if (context.computed.some((c) => c.field === name)) return null; // filled by the system
  const field = context.form.properties.get(name);
  const hasDefault = field?.constraints.some((schema) => 'default' in schema) === true;
  const ui = context.definition.form?.uiSchema?.[name];
  if (isObject(ui) && ui['ui:widget'] === 'hidden' && !hasDefault) {
    return 'est masqué (ui:widget « hidden ») sans valeur par défaut';
  }
  if (context.pages.length === 0) return null;
  const pages = context.pages.filter(
    (page) => Array.isArray(page.fields) && page.fields.includes(name),
  );
  if (pages.length === 0) return 'n’apparaît sur aucune page';
  if (pages.every((page) => neverShown(context, page))) {
    return `n’apparaît que sur des pages jamais affichées (${quoteList(pages.map((p) => p.title))})`;
  }
  return null;
}

function neverShown(context: LintContext, page: FormPage): boolean {
  if (page.condition === undefined) return false;
  return analyseCondition(page.condition, context.form, '').unsatisfiable;
}
