import type { TransitionDefinition } from '../../definition/types.ts';
import { buildFieldTree, type FieldNode } from './fieldTree.ts';
import type { LintContext } from './lintContext.ts';
import { resolveField } from './resolveField.ts';
import { isObject } from './shapes.ts';
import type { TemplateText } from './templateTexts.ts';

/** Which of the transitions sending a template ask their actor for an input field. */
export interface InputProviders {
  providing: TransitionDefinition[];
  lacking: TransitionDefinition[];
}

const LIQUID_PSEUDO = new Set(['size', 'first', 'last']);
const trees = new WeakMap<LintContext, Map<number, FieldNode | null>>();

/**
 * Splits the transitions using `template` into those whose input form declares `path`
 * (so `{{ input.<path> }}` has a value) and those where it would render empty.
 *
 * @example
 * inputProviders(context, refusLetter, ['motif']);
 * // { providing: [refuser], lacking: [expirer] }
 */
export function inputProviders(
  context: LintContext,
  template: Pick<TemplateText, 'kind' | 'id'>,
  path: readonly string[],
): InputProviders {
  const result: InputProviders = { providing: [], lacking: [] };
  for (const index of context.templateUses[template.kind].get(template.id) ?? []) {
    const transition = context.transitions[index];
    if (transition === undefined) continue;
    const tree = inputTree(context, index, transition);
    const provides = tree !== null && resolveField(tree, path, LIQUID_PSEUDO).status !== 'missing';
    (provides ? result.providing : result.lacking).push(transition);
  }
  return result;
}

function inputTree(
  context: LintContext,
  index: number,
  transition: TransitionDefinition,
): FieldNode | null {
  const cache = trees.get(context) ?? new Map<number, FieldNode | null>();
  trees.set(context, cache);
  let tree = cache.get(index);
  if (tree === undefined) {
    const schema = isObject(transition.input) ? transition.input.schema : undefined;
    // No input form: the transition provides nothing, not "anything" as an open tree would.
    tree = isObject(schema) ? buildFieldTree(schema) : null;
    cache.set(index, tree);
  }
  return tree;
}
