import type { DefinitionProblem } from './definitionProblem.ts';
import { pointerTo } from './jsonPointer.ts';

/** Lists whose items are referred to by id, and how a second holder of an id is named. */
const LISTS: ReadonlyArray<readonly [path: readonly string[], what: string]> = [
  [['workflow', 'states'], 'un autre état'],
  [['workflow', 'transitions'], 'une autre transition'],
  [['form', 'pages'], 'une autre page'],
  [['form', 'sections'], 'une autre section'],
  [['routing'], 'une autre règle d’aiguillage'],
  [['notifications'], 'un autre modèle de notification'],
  [['letters'], 'un autre modèle de courrier'],
  [['dataSources'], 'une autre source de données'],
  [['tests'], 'un autre cas de test'],
];

/**
 * Ids given twice in one list: states, transitions, pages, templates… Everything that
 * refers to them (transitions to states, effects to templates, the engine's maps) would be
 * ambiguous. JSON Schema cannot say « unique by id », hence this check.
 *
 * @example
 * duplicateIds({ routing: [{ id: 'a', unit: 'x' }, { id: 'a', unit: 'y' }] });
 * // [{ code: 'DUPLICATE_ID', pointer: '/routing/1/id', message: '…' }]
 */
export function duplicateIds(definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [path, what] of LISTS) {
    let list: unknown = definition;
    for (const key of path) list = isRecord(list) ? list[key] : undefined;
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const id = isRecord(item) ? item['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) {
        problems.push({
          code: 'DUPLICATE_ID',
          pointer: pointerTo(`/${path.join('/')}`, index, 'id'),
          message: `L’identifiant « ${id} » est déjà utilisé par ${what}.`,
        });
      }
      seen.add(id);
    });
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
