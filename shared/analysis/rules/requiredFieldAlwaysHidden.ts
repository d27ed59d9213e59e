import { deadRequirements } from '../support/deadRequirements.ts';
import { quote } from '../support/describe.ts';
import { hiddenBecause } from '../support/fieldVisibility.ts';
import { pagesNeverShown } from '../support/pagesNeverShown.ts';
import { pointer } from '../support/pointer.ts';
import { formatPath, resolveField } from '../support/resolveField.ts';
import { rootRequirements } from '../support/rootRequirements.ts';
import { collectSchemaReferences } from '../support/schemaReferences.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `required-field-always-hidden`: a field the citizen must fill but can never see — it
 * is declared nowhere, placed on no page, only on pages that are never shown (their
 * condition cannot hold, or needs an answer only they or other dead pages ask:
 * `pagesNeverShown`), or hidden by its widget without a default (and not computed). The
 * citizen is never asked; off a page, every submission would fail.
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
    const deadPages = pagesNeverShown(context);
    for (const requirement of rootRequirements(form?.schema, pointer('form', 'schema'))) {
      if (flagged.has(requirement.name) || !context.form.properties.has(requirement.name)) continue;
      const why = hiddenBecause(context, requirement.name, deadPages);
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
