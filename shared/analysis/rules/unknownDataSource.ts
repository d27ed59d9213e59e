import { sourcedFieldsOf } from '../../form/sourcedFields.ts';
import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `unknown-data-source`: a form field names with `x-source` a data source the definition
 * does not declare: the citizen would have nothing to choose from, and every save would
 * be refused.
 *
 * @example
 * // properties.commune['x-source'] = 'commune' (declared: 'communes'):
 * // { rule: 'unknown-data-source', pointer: '/form/schema/properties/commune', … }
 */
export const unknownDataSource: LintRule = {
  id: 'unknown-data-source',
  severity: 'error',
  description: 'Un champ qui nomme une source de données que la démarche ne déclare pas.',
  check(context, report) {
    const declared = new Set(context.dataSources.map((source) => source.id));
    const form = isObject(context.definition.form) ? context.definition.form : undefined;
    for (const field of sourcedFieldsOf(form?.schema)) {
      if (declared.has(field.source)) continue;
      const steps = field.path
        .split('/')
        .flatMap((segment) => (segment === '*' ? ['items'] : ['properties', segment]));
      report(
        pointer('form', 'schema', ...steps),
        `Le champ ${quote(field.path.replaceAll('/*', '').replaceAll('/', '.'))} utilise la source de données ${quote(field.source)}, que la démarche ne déclare pas (dataSources).`,
      );
    }
  },
};
