import type { ReactNode } from 'react';

/**
 * Stands in for `markdown-to-jsx/react`, which RJSF uses to render descriptions, help
 * and some of its own messages (vite.config.ts aliases it here). markdown-to-jsx also
 * renders inline HTML: a description written by an admin must stay text, never markup
 * (docs/SECURITY.md §61), and the library weighs ~28 KB gzipped of the citizen bundle.
 *
 * @example
 * <Markdown>{'**texte**'}</Markdown> // renders the characters `**texte**`
 */
export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <>{typeof children === 'string' || typeof children === 'number' ? children : null}</>;
}
