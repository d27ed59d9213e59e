import type {
  ComputedField,
  DataSource,
  DemarcheDefinition,
  FormPage,
  LetterTemplate,
  NotificationTemplate,
  RoutingRule,
  StateDefinition,
  TestCase,
  TransitionDefinition,
} from '../../definition/types.ts';
import { buildFieldTree, type FieldNode } from './fieldTree.ts';
import { asArray, isObject } from './shapes.ts';
import { buildWorkflowGraph, type WorkflowGraph } from './workflowGraph.ts';

/**
 * What every rule needs, computed once per lint. Lists are read defensively (a missing
 * one is empty) because the designer lints definitions while they are being typed.
 */
export interface LintContext {
  readonly definition: DemarcheDefinition;
  /** `''` when the definition names none. */
  readonly initialState: string;
  readonly states: readonly StateDefinition[];
  readonly transitions: readonly TransitionDefinition[];
  readonly routing: readonly RoutingRule[];
  readonly notifications: readonly NotificationTemplate[];
  readonly letters: readonly LetterTemplate[];
  readonly pages: readonly FormPage[];
  readonly computed: readonly ComputedField[];
  readonly tests: readonly TestCase[];
  readonly dataSources: readonly DataSource[];
  /** First declaration of each state id (duplicates are `duplicate-id`'s business). */
  readonly stateById: ReadonlyMap<string, StateDefinition>;
  readonly graph: WorkflowGraph;
  /** The fields the citizen form declares. */
  readonly form: FieldNode;
  /** Indexes of the transitions using each template, per kind of template. */
  readonly templateUses: { readonly notify: TemplateUses; readonly letter: TemplateUses };
}

export type TemplateUses = ReadonlyMap<string, readonly number[]>;

/**
 * Precomputes the lint context of a definition.
 *
 * @example
 * const context = createLintContext(socialAidDefinition);
 * context.templateUses.letter.get('refus'); // [4, 6]
 */
export function createLintContext(definition: DemarcheDefinition): LintContext {
  const workflow = isObject(definition.workflow) ? definition.workflow : undefined;
  const states = asArray<StateDefinition>(workflow?.states).filter(isObject);
  const transitions = asArray<TransitionDefinition>(workflow?.transitions).filter(isObject);
  const stateById = new Map<string, StateDefinition>();
  for (const state of states) if (!stateById.has(state.id)) stateById.set(state.id, state);
  const form = isObject(definition.form) ? definition.form : undefined;
  const initialState = typeof workflow?.initialState === 'string' ? workflow.initialState : '';
  return {
    definition,
    initialState,
    states,
    transitions,
    routing: asArray<RoutingRule>(definition.routing).filter(isObject),
    notifications: asArray<NotificationTemplate>(definition.notifications).filter(isObject),
    letters: asArray<LetterTemplate>(definition.letters).filter(isObject),
    pages: asArray<FormPage>(form?.pages).filter(isObject),
    computed: asArray<ComputedField>(definition.computed).filter(isObject),
    tests: asArray<TestCase>(definition.tests).filter(isObject),
    dataSources: asArray<DataSource>(definition.dataSources).filter(isObject),
    stateById,
    graph: buildWorkflowGraph(stateById, transitions, initialState),
    form: buildFieldTree(form?.schema),
    templateUses: templateUses(transitions),
  };
}

function templateUses(transitions: readonly TransitionDefinition[]): LintContext['templateUses'] {
  const notify = new Map<string, number[]>();
  const letter = new Map<string, number[]>();
  transitions.forEach((transition, index) => {
    for (const effect of asArray<unknown>(transition.effects)) {
      if (!isObject(effect) || typeof effect['template'] !== 'string') continue;
      const uses =
        effect['type'] === 'notify' ? notify : effect['type'] === 'letter' ? letter : null;
      if (uses === null) continue;
      const list = uses.get(effect['template']) ?? [];
      // A transition sending the same template twice still uses it once.
      if (list[list.length - 1] !== index) list.push(index);
      uses.set(effect['template'], list);
    }
  });
  return { notify, letter };
}
