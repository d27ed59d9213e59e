let marked = false;

/**
 * Gives every `<style>` element created from now on the nonce the server put on this
 * page's scripts, so monaco's own style elements (its theme, its decorations) pass the
 * studio's CSP, `style-src-elem 'self' 'nonce-…'` (docs/SECURITY.md §90). Monaco has no
 * nonce option; webpack's `__webpack_nonce__` does the same for its style loader. Nothing
 * happens on a page served without a nonce.
 *
 * @example
 * markStylesWithNonce(); // before monaco's first import
 */
export function markStylesWithNonce(): void {
  if (marked) return;
  marked = true;
  // The browser hides the attribute's value once parsed; the `nonce` property keeps it.
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (!nonce) return;
  const createElement = document.createElement.bind(document) as (
    tag: string,
    options?: ElementCreationOptions,
  ) => HTMLElement;
  document.createElement = ((tag: string, options?: ElementCreationOptions) => {
    const element = createElement(tag, options);
    if (tag.toLowerCase() === 'style') element.nonce = nonce;
    return element;
  }) as typeof document.createElement;
}
