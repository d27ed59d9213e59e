import type { OutlineItem } from '../editing/index.ts';

/** A stable key for an outline item (dnd-kit ids, React keys, selection). */
export function outlineItemKey(item: OutlineItem): string {
  return item.kind === 'field' ? `champ:${item.name}` : `section:${item.id}`;
}
