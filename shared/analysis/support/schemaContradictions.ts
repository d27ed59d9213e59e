import { boundsContradiction } from './boundsContradiction.ts';
import { quote } from './describe.ts';
import { type FieldNode, ITEMS, type Segment } from './fieldTree.ts';
import { childPointer } from './pointer.ts';
import { formatPath } from './resolveField.ts';
import { isObject, objectEntries, stringEntries } from './shapes.ts';
import { valuesContradiction } from './valuesContradiction.ts';

/** A place in a condition that no data can ever satisfy, and why (French). */
export interface Contradiction {
  pointer: string;
  message: string;
}

export interface ConditionAnalysis {
  /** Every self-contradictory place found, even where the whole could still hold. */
  contradictions: Contradiction[];
  /** Whether the whole condition can never hold for data the form accepts. */
  unsatisfiable: boolean;
}

/**
 * Finds, statically, what in a data condition (guard, routing rule, page condition) can
 * never hold: `false`, limits that exclude each other, a `const` outside its `enum`, a
 * value or type the form never produces for that field. Walks `properties`, `allOf`,
 * `anyOf`/`oneOf` (dead only when every branch is) and `items`; a property's contradiction
 * sinks the whole only when the property is required (else it may just be absent).
 *
 * @example
 * analyseCondition({ properties: { situation: { const: 'veuf' } }, required: ['situation'] },
 *   buildFieldTree(form), '/workflow/transitions/5/guard').unsatisfiable; // true
 */
export function analyseCondition(
  schema: unknown,
  form: FieldNode | null,
  base: string,
): ConditionAnalysis {
  const contradictions: Contradiction[] = [];
  if (schema === false) {
    contradictions.push({
      pointer: base,
      message: 'La condition vaut « false » : elle n’est jamais remplie.',
    });
    return { contradictions, unsatisfiable: true };
  }
  const unsatisfiable = walk(
    schema,
    { field: form, path: [], pointer: base, depth: 0 },
    contradictions,
  );
  return { contradictions, unsatisfiable };
}

interface Place {
  field: FieldNode | null;
  path: Segment[];
  pointer: string;
  depth: number;
}

function walk(schema: unknown, at: Place, out: Contradiction[]): boolean {
  if (!isObject(schema) || at.depth > 32) return schema === false;
  const subject = at.path.length === 0 ? 'Le dossier' : quote(formatPath(at.path));
  const formSchemas = at.field?.constraints ?? [];
  let unsatisfiable = false;
  const local =
    boundsContradiction(schema, formSchemas, subject) ??
    valuesContradiction(schema, formSchemas, subject);
  if (local !== null) {
    out.push({ pointer: at.pointer, message: local });
    unsatisfiable = true;
  }
  const negated = schema['not'];
  if (negated === true || (isObject(negated) && Object.keys(negated).length === 0)) {
    out.push({
      pointer: childPointer(at.pointer, 'not'),
      message: '« not » porte sur une condition toujours vraie : il n’est jamais rempli.',
    });
    unsatisfiable = true;
  }
  const required = new Set(stringEntries(schema['required']).map(([name]) => name));
  for (const [name, sub] of objectEntries(schema['properties'])) {
    const here = childPointer(at.pointer, 'properties', name);
    const path = [...at.path, name];
    const mustExist = required.has(name) || at.field?.required.has(name) === true;
    if (sub === false) {
      if (!mustExist) continue; // `false` on an optional property just means "absent".
      out.push({
        pointer: here,
        message: `${quote(formatPath(path))} est exigé, mais la condition l’interdit.`,
      });
      unsatisfiable = true;
      continue;
    }
    const child = {
      field: at.field?.properties.get(name) ?? null,
      path,
      pointer: here,
      depth: at.depth + 1,
    };
    if (walk(sub, child, out) && mustExist) unsatisfiable = true;
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) {
    allOf.forEach((sub, i) => {
      const here = childPointer(at.pointer, 'allOf', i);
      if (sub === false)
        out.push({
          pointer: here,
          message:
            'Une des conditions de « allOf » vaut « false » : l’ensemble n’est jamais rempli.',
        });
      if (walk(sub, { ...at, pointer: here, depth: at.depth + 1 }, out)) unsatisfiable = true;
    });
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const results = branches.map((sub, i) =>
      walk(sub, { ...at, pointer: childPointer(at.pointer, key, i), depth: at.depth + 1 }, out),
    );
    if (results.every(Boolean)) {
      out.push({
        pointer: childPointer(at.pointer, key),
        message: `Aucune des alternatives de « ${key} » ne peut être remplie.`,
      });
      unsatisfiable = true;
    }
  }
  const items: Place = {
    field: at.field?.items ?? null,
    path: [...at.path, ITEMS],
    pointer: childPointer(at.pointer, 'items'),
    depth: at.depth + 1,
  };
  walk(schema['items'], items, out); // Dead items still allow an empty list.
  return unsatisfiable;
}
