import { pointerSegments } from './jsonPointer.ts';

/** How one item of a list is named: its id when it has one, else its rank. */
interface ItemName {
  /** `« accepter »`, or `n° 4` when the item has no usable id. */
  name: string;
  /** `n° 4`: for items (effects, steps) that have no id at all. */
  rank: string;
}

type Phrase = (items: readonly ItemName[]) => string;

/**
 * Places of a definition a French sentence can name, by path; `#` is a list index.
 * Longest match wins, so `/workflow/transitions/3/to` is told about « La transition ».
 */
const PLACES: ReadonlyArray<readonly [string, Phrase]> = [
  ['meta', () => 'Les informations générales (meta)'],
  ['form', () => 'Le formulaire (form)'],
  ['form/schema', () => 'Le schéma du formulaire'],
  ['form/pages/#', ([page]) => `La page ${page?.name}`],
  ['workflow', () => 'Le circuit de traitement (workflow)'],
  ['workflow/states/#', ([state]) => `L’état ${state?.name}`],
  ['workflow/states/#/owner', ([state]) => `Le responsable de l’état ${state?.name}`],
  [
    'workflow/states/#/editable/#',
    ([state, rule]) => `La règle de modification ${rule?.rank} de l’état ${state?.name}`,
  ],
  ['workflow/transitions/#', ([transition]) => `La transition ${transition?.name}`],
  ['workflow/transitions/#/input', ([t]) => `Le formulaire de la transition ${t?.name}`],
  [
    'workflow/transitions/#/input/schema',
    ([t]) => `Le schéma du formulaire de la transition ${t?.name}`,
  ],
  [
    'workflow/transitions/#/effects/#',
    ([t, e]) => `L’effet ${e?.rank} de la transition ${t?.name}`,
  ],
  [
    'workflow/transitions/#/effects/#/to',
    ([t, e]) => `Le destinataire de l’effet ${e?.rank} de la transition ${t?.name}`,
  ],
  ['routing/#', ([rule]) => `La règle d’aiguillage ${rule?.name}`],
  ['notifications/#', ([template]) => `Le modèle de notification ${template?.name}`],
  ['letters/#', ([template]) => `Le modèle de courrier ${template?.name}`],
  ['dataSources/#', ([source]) => `La source de données ${source?.name}`],
  [
    'dataSources/#/options/#',
    ([source, option]) => `L’option ${option?.rank} de la source de données ${source?.name}`,
  ],
  ['computed/#', ([field]) => `Le champ calculé ${field?.name}`],
  ['tests/#', ([test]) => `Le cas de test ${test?.name}`],
  ['tests/#/steps/#', ([test, step]) => `L’étape ${step?.rank} du cas de test ${test?.name}`],
  [
    'tests/#/steps/#/expect',
    ([test, step]) => `Le résultat attendu de l’étape ${step?.rank} du cas de test ${test?.name}`,
  ],
];

/**
 * Names the place a JSON pointer designates in a definition, for a French message: the
 * closest known place (`subject`) and the segments below it (`rest`).
 *
 * @example
 * describeLocation(socialAidDefinition, '/workflow/transitions/5/to');
 * // { subject: 'La transition « accepter »', rest: ['to'] }
 */
export function describeLocation(
  definition: unknown,
  pointer: string,
): { subject: string; rest: string[] } {
  const segments = pointerSegments(pointer);
  for (let length = segments.length; length > 0; length--) {
    const phrase = phraseFor(segments.slice(0, length));
    if (phrase !== undefined) {
      return {
        subject: phrase(itemNames(definition, segments.slice(0, length))),
        rest: segments.slice(length),
      };
    }
  }
  return { subject: 'La définition', rest: segments };
}

function phraseFor(segments: readonly string[]): Phrase | undefined {
  const shape = segments.map((segment) => (/^\d+$/.test(segment) ? '#' : segment)).join('/');
  return PLACES.find(([path]) => path === shape)?.[1];
}

/** Walks the path and names every list item met on the way. */
function itemNames(definition: unknown, segments: readonly string[]): ItemName[] {
  const names: ItemName[] = [];
  let node = definition;
  for (const segment of segments) {
    const parent = node;
    node =
      typeof parent === 'object' && parent !== null && Object.hasOwn(parent, segment)
        ? (parent as Record<string, unknown>)[segment]
        : undefined;
    if (Array.isArray(parent)) {
      const rank = `n° ${Number(segment) + 1}`;
      const id = isRecord(node) ? (node['id'] ?? node['field']) : undefined;
      const usable = typeof id === 'string' && id !== '' && id.length <= 64;
      names.push({ name: usable ? `« ${id} »` : rank, rank });
    }
  }
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
