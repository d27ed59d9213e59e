import type { Report } from '../types.ts';
import { quote } from './describe.ts';
import type { FieldNode } from './fieldTree.ts';
import type { LintContext } from './lintContext.ts';
import { childPointer, pointer } from './pointer.ts';
import { analyseCondition } from './schemaContradictions.ts';
import { isObject, objectEntries, stringEntries } from './shapes.ts';

/**
 * The warning half of `required-field-always-hidden`: a field required in a `then` whose
 * `if` can never hold (or in an `else` whose `if` always holds) is never actually
 * required — usually the condition is mistyped. Walks the form, its `allOf` and nested
 * objects, where conditional requirements live.
 *
 * @example
 * // if: { properties: { situation: { const: 'Couple' } }, required: ['situation'] },
 * // then: { required: ['conjoint'] }
 * // → warning at '/form/schema/then/required/0'
 */
export function deadRequirements(context: LintContext, report: Report): void {
  const form = isObject(context.definition.form) ? context.definition.form : undefined;
  visit(form?.schema, context.form, pointer('form', 'schema'), report, 0);
}

function visit(
  schema: unknown,
  field: FieldNode | null,
  at: string,
  report: Report,
  depth: number,
): void {
  if (!isObject(schema) || depth > 16) return;
  if ('if' in schema) {
    const test = schema['if'];
    const always = test === true || (isObject(test) && Object.keys(test).length === 0);
    const analysis = analyseCondition(test, field, childPointer(at, 'if'));
    const dead = [
      {
        branch: 'then',
        dead: analysis.unsatisfiable,
        why: 'sa condition (if) ne peut jamais être remplie',
      },
      { branch: 'else', dead: always, why: 'sa condition (if) est toujours remplie' },
    ] as const;
    for (const { branch, dead: isDead, why } of dead) {
      const requires = schema[branch];
      if (!isDead || !isObject(requires)) continue;
      for (const [name, i] of stringEntries(requires['required'])) {
        const detail = branch === 'then' ? ` ${analysis.contradictions[0]?.message ?? ''}` : '';
        report(
          childPointer(at, branch, 'required', i),
          `L’obligation de remplir ${quote(name)} ne s’appliquera jamais : ${why}.${detail}`.trimEnd(),
          'warning',
        );
      }
    }
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf))
    allOf.forEach((sub, i) => {
      visit(sub, field, childPointer(at, 'allOf', i), report, depth + 1);
    });
  for (const [name, sub] of objectEntries(schema['properties'])) {
    visit(
      sub,
      field?.properties.get(name) ?? null,
      childPointer(at, 'properties', name),
      report,
      depth + 1,
    );
  }
}
