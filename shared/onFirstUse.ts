/**
 * A value made the first time it is asked for, then kept. For `Intl` formatters: making
 * one costs far more than using it, and a page's first one also loads the locale's data
 * (~150 ms of main thread on a slow phone), so modules on a page's first paint must not
 * make theirs when they load.
 *
 * @example
 * const euros = onFirstUse(() => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }));
 * euros().format(12.5); // '12,50 €'
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
