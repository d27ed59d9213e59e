import { pointerTo } from './jsonPointer.ts';
import { walkSchema } from './walkSchema.ts';

/** Keywords that apply a subschema to the same value: following them makes no progress. */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE_SINGLES = ['not', 'if', 'then', 'else'];

/**
 * The pointer of a `$ref` through which a schema applies itself to the same value
 * (`{ "$ref": "#" }`, a `$defs` entry naming itself, two entries naming each other
 * through `allOf`…), or null. Such a schema never finishes: ajv either overflows its
 * stack while compiling it or on every value it checks. A reference reached through
 * `properties`, `items`… moves to a smaller value and is a fine recursive schema.
 * Only same-document references (`#…`) are followed; others are compile's business.
 *
 * @example
 * findRefLoop({ $ref: '#' }, '/workflow/transitions/3/guard'); // '/workflow/transitions/3/guard/$ref'
 * findRefLoop({ properties: { enfant: { $ref: '#' } } }, '/form/schema'); // null
 */
export function findRefLoop(schema: unknown, rootPointer: string): string | null {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const node of walkSchema(schema, rootPointer)) nodes.set(node.pointer, node.schema);
  const next = (pointer: string): { to: string; via: string }[] => {
    const node = nodes.get(pointer)!;
    const found: { to: string; via: string }[] = [];
    for (const keyword of ['$ref', '$dynamicRef']) {
      const target = refTarget(node[keyword], rootPointer);
      if (target !== null && nodes.has(target)) {
        found.push({ to: target, via: pointerTo(pointer, keyword) });
      }
    }
    for (const keyword of IN_PLACE_LISTS) {
      const list = node[keyword];
      if (!Array.isArray(list)) continue;
      for (const index of list.keys()) found.push(edge(pointerTo(pointer, keyword, index)));
    }
    for (const keyword of IN_PLACE_SINGLES) found.push(edge(pointerTo(pointer, keyword)));
    const dependent = node['dependentSchemas'];
    if (typeof dependent === 'object' && dependent !== null) {
      for (const name of Object.keys(dependent)) {
        found.push(edge(pointerTo(pointer, 'dependentSchemas', name)));
      }
    }
    return found.filter((step) => nodes.has(step.to));
  };
  // Depth-first search for a cycle, iterative so a long chain cannot overflow the stack.
  const done = new Set<string>();
  for (const start of nodes.keys()) {
    if (done.has(start)) continue;
    const onPath = new Set<string>([start]);
    const stack = [{ pointer: start, steps: next(start), index: 0 }];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const step = top.steps[top.index++];
      if (step === undefined) {
        stack.pop();
        onPath.delete(top.pointer);
        done.add(top.pointer);
        continue;
      }
      if (onPath.has(step.to)) return step.via;
      if (done.has(step.to)) continue;
      onPath.add(step.to);
      stack.push({ pointer: step.to, steps: next(step.to), index: 0 });
    }
  }
  return null;
}

function edge(to: string): { to: string; via: string } {
  return { to, via: to };
}

/** The pointer a same-document reference names, or null for another document. */
function refTarget(ref: unknown, rootPointer: string): string | null {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return null;
  const fragment = ref.slice(1);
  if (fragment !== '' && !fragment.startsWith('/')) return null; // an anchor, not a pointer
  try {
    return rootPointer + decodeURIComponent(fragment);
  } catch {
    return null;
  }
}
