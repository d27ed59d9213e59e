/** Some properties of `T`; `undefined` means « remove this property ». */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * `target` with `patch` merged in, one level deep; a key whose value is `undefined` in
 * the patch is removed (JSON has no `undefined`, so a stored draft never keeps one).
 *
 * @example
 * mergePatch({ id: 'a', sla: 'P2D' }, { sla: undefined, label: 'A' }); // { id: 'a', label: 'A' }
 */
export function mergePatch<T extends object>(target: T, patch: Patch<T>): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}
