import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useSyncExternalStore } from 'react';
import type { OutlineItem } from '../editing/index.ts';
import type { OutlineLabels } from './outlineLabels.ts';

export interface OutlineActions {
  onSelect: (item: OutlineItem) => void;
  onMove: (from: number, to: number) => void;
  onDuplicate: (name: string) => void;
  onRemove: (item: OutlineItem) => void;
}

/**
 * One line of the outline: the drag handle, the item's name (selects it), and its
 * actions. Memoised on stable props; its label and kind come from the labels' store, so
 * an edit redraws the row it changes, not the 900 others (each one a dnd-kit sortable).
 */
export const OutlineRow = memo(function OutlineRow({
  id,
  item,
  index,
  count,
  labels,
  selected,
  actions,
}: {
  id: string;
  item: OutlineItem;
  index: number;
  count: number;
  labels: OutlineLabels;
  selected: boolean;
  actions: OutlineActions;
}) {
  const label = useSyncExternalStore(labels.subscribe, () => labels.label(item));
  const kind = useSyncExternalStore(labels.subscribe, () => labels.kind(item));
  const sortable = useSortable({ id });
  const style = {
    transform: CSS.Transform.toString(sortable.transform),
    transition: sortable.transition,
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={`ligne-plan${item.kind === 'section' ? ' ligne-section' : ''}${selected ? ' ligne-choisie' : ''}`}
    >
      <button
        type="button"
        className="poignee"
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={`Déplacer ${label}`}
      >
        ⠿
      </button>
      <button
        type="button"
        className="nom-element"
        aria-pressed={selected}
        onClick={() => actions.onSelect(item)}
      >
        <span>{label}</span> <span className="type-element">{kind}</span>
      </button>
      <span className="actions-ligne">
        <button
          type="button"
          disabled={index === 0}
          onClick={() => actions.onMove(index, index - 1)}
          aria-label={`Monter ${label}`}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={index === count - 1}
          onClick={() => actions.onMove(index, index + 1)}
          aria-label={`Descendre ${label}`}
        >
          ↓
        </button>
        {item.kind === 'field' ? (
          <button
            type="button"
            onClick={() => actions.onDuplicate(item.name)}
            aria-label={`Dupliquer ${label}`}
          >
            Dupliquer
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => actions.onRemove(item)}
          aria-label={`Supprimer ${label}`}
        >
          Supprimer
        </button>
      </span>
    </li>
  );
});
