/**
 * Appends segments to a JSON pointer (RFC 6901), escaping `~` and `/`.
 *
 * @example
 * pointerTo('/workflow/transitions', 3, 'guard'); // '/workflow/transitions/3/guard'
 * pointerTo('', 'a/b'); // '/a~1b'
 */
export function pointerTo(base: string, ...segments: ReadonlyArray<string | number>): string {
  let pointer = base;
  for (const segment of segments) {
    pointer += `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}

/** Splits a JSON pointer into its unescaped segments: `/a~1b/0` gives `['a/b', '0']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}
