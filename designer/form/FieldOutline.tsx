import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { memo, useMemo, useRef } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { OutlineItem } from '../editing/index.ts';
import { type OutlineActions, OutlineRow } from './OutlineRow.tsx';
import { outlineItemKey } from './outlineItemKey.ts';
import { type OutlineLabels, useOutlineLabels } from './outlineLabels.ts';

/** Options built once: new ones at each render would rebuild dnd-kit's contexts. */
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };
/**
 * The page may shift while an item is lifted (the save status, the preview redrawn):
 * measured once, the rows' places go stale and the arrows stop moving it.
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

/**
 * The form's fields and section headings in order. Reordered by dragging the handle, or
 * with the keyboard: focus the handle, Space to lift, arrows to move, Space to drop
 * (dnd-kit's sortable preset), or the « Monter » / « Descendre » buttons.
 */
export function FieldOutline({
  definition,
  outline,
  selectedKey,
  actions,
}: {
  definition: DemarcheDefinition;
  outline: readonly OutlineItem[];
  selectedKey: string | null;
  actions: OutlineActions;
}) {
  // The rows get actions that never change and call the latest ones.
  const latest = useRef(actions);
  latest.current = actions;
  const rowActions = useMemo<OutlineActions>(
    () => ({
      onSelect: (item) => latest.current.onSelect(item),
      onMove: (from, to) => latest.current.onMove(from, to),
      onDuplicate: (name) => latest.current.onDuplicate(name),
      onRemove: (item) => latest.current.onRemove(item),
    }),
    [],
  );
  const labels = useOutlineLabels(definition);
  return (
    <SortableOutline
      outline={outline}
      selectedKey={selectedKey}
      labels={labels}
      actions={rowActions}
    />
  );
}

/**
 * The sortable list itself. Memoised on props an edit of a label leaves alone (the
 * outline, the selection, the labels' store, stable actions): typing redraws only the
 * row whose label changed (it follows the store), not dnd-kit's context and 900 rows.
 */
const SortableOutline = memo(function SortableOutline({
  outline,
  selectedKey,
  labels,
  actions,
}: {
  outline: readonly OutlineItem[];
  selectedKey: string | null;
  labels: OutlineLabels;
  actions: OutlineActions;
}) {
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, KEYBOARD));
  // Same outline, same keys: dnd-kit's sortable context (and every row) stays as it is.
  const keys = useMemo(() => outline.map(outlineItemKey), [outline]);
  const labelOf = (key: unknown) => {
    const item = outline[keys.indexOf(String(key))];
    return item ? labels.label(item) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `${labelOf(active.id)} saisi, position ${keys.indexOf(String(active.id)) + 1}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${labelOf(active.id)} au-dessus de la position ${keys.indexOf(String(over.id)) + 1}.`
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${labelOf(active.id)} déposé en position ${keys.indexOf(String(over.id)) + 1}.`
        : undefined,
    onDragCancel: ({ active }) => `Déplacement de ${labelOf(active.id)} annulé.`,
  };
  function onDragEnd(event: DragEndEvent) {
    if (!event.over) return;
    const from = keys.indexOf(String(event.active.id));
    const to = keys.indexOf(String(event.over.id));
    if (from >= 0 && to >= 0 && from !== to) actions.onMove(from, to);
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      measuring={MEASURING}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'Pour déplacer cet élément, appuyez sur Espace, déplacez-le avec les flèches haut et bas, puis appuyez de nouveau sur Espace pour le déposer, ou sur Échap pour annuler.',
        },
      }}
    >
      <SortableContext items={keys} strategy={verticalListSortingStrategy}>
        <ol className="plan-formulaire" aria-label="Champs du formulaire, dans l’ordre">
          {outline.map((item, index) => (
            <OutlineRow
              key={keys[index]}
              id={keys[index]!}
              item={item}
              index={index}
              count={outline.length}
              labels={labels}
              selected={selectedKey === keys[index]}
              actions={actions}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
});
