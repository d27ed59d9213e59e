import type { ExpressionScope } from './types.ts';

type Readable = Pick<ExpressionScope, 'data' | 'input'>;

/**
 * How `var` reads a dotted path (`enfants.0.prenom`), worked out once: in the
 * transition's input for `input.…` when there is one, else in the data. Own properties
 * only; an empty path reads the whole data; anything but a string or number reads `null`.
 *
 * @example
 * compilePath('enfants.0.prenom')({ data: { enfants: [{ prenom: 'Léa' }] } }); // 'Léa'
 */
export function compilePath(path: unknown): (scope: Readable) => unknown {
  if (path === null || path === undefined || path === '') return (scope) => scope.data;
  if (typeof path !== 'string' && typeof path !== 'number') return () => null;
  const segments = String(path).split('.');
  const inInput = segments.slice(1);
  const mayReadInput = segments[0] === 'input';
  return (scope) =>
    mayReadInput && scope.input !== undefined
      ? readSegments(scope.input, inInput)
      : readSegments(scope.data, segments);
}

/** `compilePath` for a path known only while evaluating (`{ var: { cat: […] } }`). */
export function readPath(scope: Readable, path: unknown): unknown {
  return compilePath(path)(scope);
}

function readSegments(from: unknown, segments: readonly string[]): unknown {
  let here = from;
  for (const segment of segments) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, segment)) return null;
    here = (here as Record<string, unknown>)[segment];
  }
  return here;
}
