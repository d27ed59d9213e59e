import { type DemarcheDefinition, pointerSegments } from '../../shared/definition/index.ts';

/** The studio's tabs. */
export type EditorTab = 'form' | 'circuit' | 'json' | 'simulation' | 'tests' | 'versions';

/** Where a problem sits, so the lint panel can open it: a tab and what to select there. */
export type LintTarget =
  | {
      tab: 'form';
      field?: string;
      section?: string;
      /** A property of `meta` (`referencePrefix`…): its input in « Informations générales ». */
      meta?: string;
      label: string;
    }
  | { tab: 'circuit'; state?: string; transition?: string; label: string }
  | { tab: 'json'; pointer: string; label: string };

/**
 * Where the problem at `pointer` is shown: a form field (schema, UI entry, computed
 * value), a section, a state or a transition — each named as the admin named it — or
 * else the JSON tab at that pointer.
 *
 * @example
 * lintTarget('/workflow/transitions/2/guard', draft);
 * // { tab: 'circuit', transition: 'accepter', label: 'Transition « Accepter »' }
 */
export function lintTarget(pointer: string, definition: DemarcheDefinition): LintTarget {
  const [first, second, third, fourth] = pointerSegments(pointer);
  if (first === 'form' && second === 'schema' && third === 'properties' && fourth !== undefined) {
    return fieldTarget(fourth, definition);
  }
  if (
    first === 'form' &&
    second === 'uiSchema' &&
    third !== undefined &&
    !third.startsWith('ui:')
  ) {
    return fieldTarget(third, definition);
  }
  if (first === 'form' && second === 'sections' && third !== undefined) {
    const section = definition.form?.sections?.[Number(third)];
    if (section) return { tab: 'form', section: section.id, label: `Section « ${section.title} »` };
  }
  if (first === 'computed' && second !== undefined) {
    const entry = definition.computed?.[Number(second)];
    if (entry) return fieldTarget(entry.field, definition);
  }
  if (first === 'meta') {
    return {
      tab: 'form',
      ...(second === undefined ? {} : { meta: second }),
      label: 'Informations générales',
    };
  }
  if (first === 'workflow' && second === 'states' && third !== undefined) {
    const state = definition.workflow?.states?.[Number(third)];
    if (state)
      return { tab: 'circuit', state: state.id, label: `État « ${state.label ?? state.id} »` };
  }
  if (first === 'workflow' && second === 'transitions' && third !== undefined) {
    const transition = definition.workflow?.transitions?.[Number(third)];
    if (transition) {
      return {
        tab: 'circuit',
        transition: transition.id,
        label: `Transition « ${transition.label ?? transition.id} »`,
      };
    }
  }
  if (first === 'workflow') return { tab: 'circuit', label: 'Circuit' };
  return { tab: 'json', pointer, label: pointer === '' ? 'Démarche' : `JSON ${pointer}` };
}

function fieldTarget(name: string, definition: DemarcheDefinition): LintTarget {
  const schema = (definition.form?.schema as { properties?: Record<string, { title?: unknown }> })
    ?.properties?.[name];
  const title = typeof schema?.title === 'string' && schema.title !== '' ? schema.title : name;
  return { tab: 'form', field: name, label: `Champ « ${title} »` };
}
