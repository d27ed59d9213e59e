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
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { OutlineItem } from '../editing/index.ts';
import { fieldKindInfo, fieldKindOf } from './fieldKinds.ts';
import { outlineItemKey } from './outlineItemKey.ts';

export interface OutlineActions {
  onSelect: (item: OutlineItem) => void;
  onMove: (from: number, to: number) => void;
  onDuplicate: (name: string) => void;
  onRemove: (item: OutlineItem) => void;
}

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
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const keys = outline.map(outlineItemKey);
  const labelOf = (key: unknown) => {
    const item = outline[keys.indexOf(String(key))];
    return item ? itemLabel(definition, item) : '';
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
      // The page may shift while an item is lifted (the save status, the preview
      // redrawn): measured once, the rows' places go stale and the arrows stop moving it.
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
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
              label={itemLabel(definition, item)}
              kindLabel={kindLabel(definition, item)}
              selected={selectedKey === keys[index]}
              actions={actions}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function OutlineRow({
  id,
  item,
  index,
  count,
  label,
  kindLabel: kind,
  selected,
  actions,
}: {
  id: string;
  item: OutlineItem;
  index: number;
  count: number;
  label: string;
  kindLabel: string;
  selected: boolean;
  actions: OutlineActions;
}) {
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
}

/** What the admin named the item: the field's label, or the section's title. */
export function itemLabel(definition: DemarcheDefinition, item: OutlineItem): string {
  if (item.kind === 'section') {
    const section = definition.form.sections?.find((candidate) => candidate.id === item.id);
    return `Section « ${section?.title ?? item.id} »`;
  }
  const schema = (definition.form.schema as { properties?: Record<string, { title?: unknown }> })
    .properties?.[item.name];
  return `« ${typeof schema?.title === 'string' && schema.title !== '' ? schema.title : item.name} »`;
}

function kindLabel(definition: DemarcheDefinition, item: OutlineItem): string {
  if (item.kind === 'section') return 'section';
  const properties =
    (definition.form.schema as { properties?: Record<string, unknown> }).properties ?? {};
  const kind = fieldKindOf(
    properties[item.name] as Record<string, unknown>,
    definition.form.uiSchema?.[item.name],
  );
  return fieldKindInfo(kind).label.toLowerCase();
}
