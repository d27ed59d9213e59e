import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `insecure-data-source-url`: a URL source that is not `https://`. The server fetches
 * only https addresses (docs/SECURITY.md §102): a list of choices read in clear text could
 * be altered on the way, and the citizen's answer checked against the altered list.
 *
 * @example
 * // { id: 'ecoles', kind: 'url', url: 'http://opendata.example.fr/ecoles.json' }:
 * // { rule: 'insecure-data-source-url', pointer: '/dataSources/0/url', … }
 */
export const insecureDataSourceUrl: LintRule = {
  id: 'insecure-data-source-url',
  severity: 'error',
  description: 'Une source de données à interroger sur une adresse qui n’est pas en https.',
  check(context, report) {
    context.dataSources.forEach((source, index) => {
      if (source.kind !== 'url' || typeof source.url !== 'string' || source.url === '') return;
      if (/^https:\/\//i.test(source.url)) return;
      report(
        pointer('dataSources', index, 'url'),
        `La source de données ${quote(source.id)} doit être interrogée en https : ${quote(source.url)} ne l’est pas.`,
      );
    });
  },
};
