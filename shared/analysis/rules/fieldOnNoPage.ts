import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { rootRequirements } from '../support/rootRequirements.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `field-on-no-page`: once the form has pages, a field on none of them is never asked
 * (computed fields excepted, and the fields a transition writes from an agent's input —
 * a GIR, an amount granted — which the citizen is not meant to fill). Required ones are `required-field-always-hidden`'s errors;
 * this is the warning for optional ones, often forgotten while reorganising pages.
 *
 * @example
 * // pages that never list the optional field 'conjoint':
 * // { rule: 'field-on-no-page', pointer: '/form/schema/properties/conjoint', … }
 */
export const fieldOnNoPage: LintRule = {
  id: 'field-on-no-page',
  severity: 'warning',
  description: 'Un champ facultatif placé sur aucune page, donc jamais demandé.',
  check(context, report) {
    if (context.pages.length === 0) return;
    const form = isObject(context.definition.form) ? context.definition.form : undefined;
    const placed = new Set(
      context.pages.flatMap((page) => (Array.isArray(page.fields) ? page.fields : [])),
    );
    const required = new Set(rootRequirements(form?.schema, '').map((r) => r.name));
    const computed = new Set(context.computed.map((c) => c.field));
    const written = new Set(
      context.transitions.flatMap((t) =>
        Array.isArray(t.writes) ? t.writes.map((write) => write.field) : [],
      ),
    );
    for (const name of context.form.properties.keys()) {
      if (placed.has(name) || required.has(name) || computed.has(name) || written.has(name)) {
        continue;
      }
      report(
        pointer('form', 'schema', 'properties', name),
        `Le champ ${quote(name)} n’apparaît sur aucune page : il ne sera jamais demandé à l’usager. Placez-le sur une page, ou supprimez-le.`,
      );
    }
  },
};
