import { quote } from '../support/describe.ts';
import type { LintContext } from '../support/lintContext.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

interface Collection {
  /** Another item of the list, in French: "un autre état". */
  other: string;
  items: readonly object[];
  at: readonly string[];
  key: string;
}

/**
 * `duplicate-id`: two states, transitions, pages, routing rules, templates, data
 * sources, test cases or computed fields share an id; references to it become ambiguous.
 * Every occurrence after the first is flagged.
 *
 * @example
 * // two states with id 'depose':
 * // { rule: 'duplicate-id', pointer: '/workflow/states/2/id', … }
 */
export const duplicateId: LintRule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'Un identifiant utilisé deux fois dans la même liste.',
  check(context, report) {
    for (const collection of collections(context)) {
      const seen = new Map<unknown, number>();
      collection.items.forEach((item, index) => {
        const id = (item as { readonly [key: string]: unknown })[collection.key];
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, index);
          return;
        }
        report(
          pointer(...collection.at, index, collection.key),
          `L’identifiant ${quote(id)} est déjà utilisé par ${collection.other} (en position ${first + 1}) : chaque identifiant doit être unique.`,
        );
      });
    }
  },
};

function collections(context: LintContext): Collection[] {
  return [
    { other: 'un autre état', items: context.states, at: ['workflow', 'states'], key: 'id' },
    {
      other: 'une autre transition',
      items: context.transitions,
      at: ['workflow', 'transitions'],
      key: 'id',
    },
    { other: 'une autre page', items: context.pages, at: ['form', 'pages'], key: 'id' },
    { other: 'une autre règle d’aiguillage', items: context.routing, at: ['routing'], key: 'id' },
    {
      other: 'un autre modèle de notification',
      items: context.notifications,
      at: ['notifications'],
      key: 'id',
    },
    { other: 'un autre modèle de courrier', items: context.letters, at: ['letters'], key: 'id' },
    {
      other: 'une autre source de données',
      items: context.dataSources,
      at: ['dataSources'],
      key: 'id',
    },
    { other: 'un autre cas de test', items: context.tests, at: ['tests'], key: 'id' },
    { other: 'un autre calcul', items: context.computed, at: ['computed'], key: 'field' },
  ];
}
