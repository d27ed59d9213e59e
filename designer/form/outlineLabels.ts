import { useLayoutEffect, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { OutlineItem } from '../editing/index.ts';
import { fieldKindInfo, fieldKindOf } from './fieldKinds.ts';

/**
 * The outline's labels as a store each row subscribes to (`useSyncExternalStore`): a
 * label typed redraws the one row whose label changed, without re-rendering the list
 * (900 dnd-kit sortables) or dnd-kit's context around it.
 */
export interface OutlineLabels {
  subscribe(listener: () => void): () => void;
  /** What the admin named the item (`itemLabel`), in the draft last rendered. */
  label(item: OutlineItem): string;
  /** The item's kind in words: « texte court », « section »… */
  kind(item: OutlineItem): string;
}

/**
 * One store for the builder's lifetime: it reads the draft being rendered, and tells
 * the rows once the draft is committed, so those whose label changed redraw.
 *
 * @example
 * const labels = useOutlineLabels(definition);
 * const label = useSyncExternalStore(labels.subscribe, () => labels.label(item));
 */
export function useOutlineLabels(definition: DemarcheDefinition): OutlineLabels {
  const [store] = useState(() => createStore(definition));
  // Rows rendered now read this draft; those that did not re-render hear of it once
  // it is committed.
  store.definition = definition;
  useLayoutEffect(() => {
    store.definition = definition;
    store.notify();
  }, [store, definition]);
  return store;
}

function createStore(initial: DemarcheDefinition) {
  const listeners = new Set<() => void>();
  const store = {
    definition: initial,
    notify() {
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    label: (item: OutlineItem) => itemLabel(store.definition, item),
    kind: (item: OutlineItem) => kindLabel(store.definition, item),
  };
  return store;
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
