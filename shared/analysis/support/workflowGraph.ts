import type { StateDefinition, TransitionDefinition } from '../../definition/types.ts';
import { asArray } from './shapes.ts';

/** The state machine as the engine runs it, for path questions. */
export interface WorkflowGraph {
  /** States each transition can leave (by transition index): globals expanded, finals dropped. */
  readonly sources: ReadonlyArray<readonly string[]>;
  /** Transitions that someone or something can fire, by the state they leave. */
  readonly outgoing: ReadonlyMap<string, readonly number[]>;
  /** States some sequence of fireable transitions leads to from the initial state. */
  readonly reachable: ReadonlySet<string>;
  /** States from which some sequence of fireable transitions leads to a final state. */
  readonly canFinish: ReadonlySet<string>;
}

/**
 * Whether anyone can ever fire `transition`: someone is listed, and `system` alone comes
 * with a timer (the runtime fires nothing else by itself).
 *
 * @example
 * canBeFired({ by: ['system'] }); // false
 * canBeFired({ by: ['system'], after: 'P30D' }); // true
 */
export function canBeFired(transition: Pick<TransitionDefinition, 'by' | 'after'>): boolean {
  const by = asArray(transition.by);
  if (by.length === 0) return false;
  return transition.after !== undefined || by.some((role) => role !== 'system');
}

/**
 * Builds the graph the path rules share. Mirrors the engine: a global transition (`*`)
 * leaves every `active` state, and nothing ever leaves a `final` state.
 *
 * @example
 * const graph = buildWorkflowGraph(states, transitions, 'brouillon');
 * graph.reachable.has('accepte'); // true
 */
export function buildWorkflowGraph(
  stateById: ReadonlyMap<string, StateDefinition>,
  transitions: readonly TransitionDefinition[],
  initialState: string,
): WorkflowGraph {
  const leavable = (id: string) => {
    const state = stateById.get(id);
    return state !== undefined && state.kind !== 'final';
  };
  const active = [...stateById.values()].filter((s) => s.kind === 'active').map((s) => s.id);
  const sources = transitions.map((t) =>
    t.from === '*' ? active : [...new Set(asArray<string>(t.from))].filter(leavable),
  );
  const outgoing = new Map<string, number[]>();
  const incoming = new Map<string, string[]>();
  transitions.forEach((transition, index) => {
    if (!canBeFired(transition) || !stateById.has(transition.to)) return;
    for (const from of sources[index] ?? []) {
      push(outgoing, from, index);
      push(incoming, transition.to, from);
    }
  });
  const successors = (id: string) =>
    (outgoing.get(id) ?? []).map((index) => transitions[index]?.to as string);
  const reachable = stateById.has(initialState)
    ? closure([initialState], successors)
    : new Set<string>();
  const finals = [...stateById.values()].filter((s) => s.kind === 'final').map((s) => s.id);
  const canFinish = closure(finals, (id) => incoming.get(id) ?? []);
  return { sources, outgoing, reachable, canFinish };
}

function closure(start: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const other of next(id)) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
