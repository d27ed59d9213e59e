import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

const NEEDS: Readonly<Record<string, { key: 'options' | 'table' | 'url'; what: string }>> = {
  static: { key: 'options', what: 'au moins une option' },
  table: { key: 'table', what: 'la table de référence à utiliser' },
  url: { key: 'url', what: 'l’adresse à interroger' },
};

/**
 * `incomplete-data-source`: a choice list lacks what its kind needs (a static list with
 * no option, a table source with no table, a URL source with no address): the field
 * using it would offer nothing to choose.
 *
 * @example
 * // { id: 'communes', kind: 'table' }:
 * // { rule: 'incomplete-data-source', pointer: '/dataSources/0', … }
 */
export const incompleteDataSource: LintRule = {
  id: 'incomplete-data-source',
  severity: 'error',
  description: 'Une source de données à laquelle il manque ses options, sa table ou son adresse.',
  check(context, report) {
    context.dataSources.forEach((source, index) => {
      const need = NEEDS[source.kind];
      if (need === undefined) return;
      const value = source[need.key];
      const missing =
        need.key === 'options'
          ? asArray(value).length === 0
          : typeof value !== 'string' || value === '';
      if (!missing) return;
      report(
        pointer('dataSources', index),
        `La source de données ${quote(source.id)} ne précise pas ${need.what} : le champ qui l’utilise n’aurait rien à proposer.`,
      );
    });
  },
};
