import { useRef } from 'react';
import type { OutlineItem } from '../editing/index.ts';

/** Whether two outlines list the same items in the same order. */
export function sameOutline(a: readonly OutlineItem[], b: readonly OutlineItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, index) => {
    const other = b[index]!;
    return item.kind === 'field'
      ? other.kind === 'field' && other.name === item.name
      : other.kind === 'section' && other.id === item.id;
  });
}

/**
 * The previous outline while the new one lists the same items: an edit of a label or a
 * help text leaves the list's identity alone, so dnd-kit's sortable context and the
 * memoised rows (900 at most) are not redrawn for it.
 *
 * @example
 * const outline = useStableOutline(formOutline(definition));
 */
export function useStableOutline(outline: readonly OutlineItem[]): readonly OutlineItem[] {
  const kept = useRef(outline);
  if (kept.current !== outline && !sameOutline(kept.current, outline)) kept.current = outline;
  return kept.current;
}
