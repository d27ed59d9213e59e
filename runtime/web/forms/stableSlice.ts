/**
 * The values of `keys` in `data`, as the same object as `previous` when none changed, so
 * a memoised form given it does not re-render for another group's change.
 *
 * @example
 * const slice = stableSlice(previous, data, ['nom', 'prenom']);
 */
export function stableSlice(
  previous: Record<string, unknown> | undefined,
  data: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const key of keys) if (data[key] !== undefined) next[key] = data[key];
  if (previous === undefined) return next;
  const previousKeys = Object.keys(previous);
  const same =
    previousKeys.length === Object.keys(next).length &&
    previousKeys.every((key) => Object.is(previous[key], next[key]));
  return same ? previous : next;
}
