/**
 * A placeholder as the admin wrote it, rebuilt from its segments.
 *
 * @example
 * placeholderText(['data', 'enfants', 0, 'nom']); // '{{ data.enfants[0].nom }}'
 */
export function placeholderText(segments: ReadonlyArray<string | number | null>): string {
  let out = '';
  for (const segment of segments) {
    if (segment === null) out += '[…]';
    else if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return `{{ ${out} }}`;
}

/**
 * The leading plain-name steps of a placeholder after its root (`data`, `input`): what
 * can be checked statically, up to the first step computed at render time.
 *
 * @example
 * staticPath(['data', 'enfants', 0, 'nom']); // ['enfants', '0', 'nom']
 * staticPath(['data', null, 'nom']); // []
 */
export function staticPath(segments: ReadonlyArray<string | number | null>): string[] {
  const path: string[] = [];
  for (const segment of segments.slice(1)) {
    if (segment === null) break;
    path.push(String(segment));
  }
  return path;
}
