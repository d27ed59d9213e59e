import { capitalise, describeState, describeTransition, quote } from './describe.ts';
import type { Segment } from './fieldTree.ts';
import type { LintContext } from './lintContext.ts';
import { collectLogicReferences } from './logicReferences.ts';
import { pointer } from './pointer.ts';
import { collectSchemaReferences } from './schemaReferences.ts';
import { asArray, isObject, stringEntries } from './shapes.ts';

/** A form field named somewhere in the definition, outside templates. */
export interface FieldUse {
  path: Segment[];
  pointer: string;
  /** Start of a French sentence ending with the field name: "La page « Revenus » affiche le champ". */
  lead: string;
}

/**
 * Every place naming a form field by name: guards, routing conditions, page conditions,
 * checks and field lists, editable fields, computed fields and their json-logic
 * expressions, the form's own `if`/`not` tests and `ui:order`.
 *
 * @example
 * fieldUses(createLintContext(definition)).find((u) => u.pointer.endsWith('/guard/properties/revenuMensuel'));
 * // { path: ['revenuMensuel'], lead: 'La condition de la transition « Accepter » (accepter) porte sur le champ', … }
 */
export function fieldUses(context: LintContext): FieldUse[] {
  const uses: FieldUse[] = [];
  const fromSchema = (schema: unknown, at: string, lead: string, onlyTests = false) => {
    for (const ref of collectSchemaReferences(schema, at)) {
      if (!onlyTests || ref.inCondition) uses.push({ path: ref.path, pointer: ref.pointer, lead });
    }
  };
  const names = (list: unknown, at: readonly (string | number)[], lead: string) => {
    for (const [name, i] of stringEntries(list))
      uses.push({ path: [name], pointer: pointer(...at, i), lead });
  };
  context.transitions.forEach((t, i) => {
    const lead = `La condition de ${describeTransition(t)} porte sur le champ`;
    fromSchema(t.guard, pointer('workflow', 'transitions', i, 'guard'), lead);
  });
  context.routing.forEach((rule, i) => {
    const lead = `La règle d’aiguillage ${quote(rule.id)} porte sur le champ`;
    fromSchema(rule.when, pointer('routing', i, 'when'), lead);
  });
  context.pages.forEach((page, i) => {
    const name = quote(page.title);
    fromSchema(
      page.condition,
      pointer('form', 'pages', i, 'condition'),
      `La condition d’affichage de la page ${name} porte sur le champ`,
    );
    fromSchema(
      page.checks,
      pointer('form', 'pages', i, 'checks'),
      `Les vérifications de la page ${name} portent sur le champ`,
    );
    names(page.fields, ['form', 'pages', i, 'fields'], `La page ${name} affiche le champ`);
  });
  context.states.forEach((state, i) => {
    asArray<unknown>(state.editable).forEach((rule, j) => {
      if (!isObject(rule) || rule['fields'] === '*') return;
      names(
        rule['fields'],
        ['workflow', 'states', i, 'editable', j, 'fields'],
        `${capitalise(describeState(state))} rend modifiable le champ`,
      );
    });
  });
  context.computed.forEach((computed, i) => {
    const target = { path: [String(computed.field)], pointer: pointer('computed', i, 'field') };
    uses.push({ ...target, lead: 'Un calcul remplit le champ' });
    for (const ref of collectLogicReferences(
      computed.expression,
      pointer('computed', i, 'expression'),
    )) {
      uses.push({
        path: ref.path,
        pointer: ref.pointer,
        lead: `Le calcul de ${quote(computed.field)} lit le champ`,
      });
    }
  });
  const form = isObject(context.definition.form) ? context.definition.form : undefined;
  fromSchema(
    form?.schema,
    pointer('form', 'schema'),
    'Une condition du formulaire porte sur le champ',
    true,
  );
  const order = isObject(form?.uiSchema) ? form.uiSchema['ui:order'] : undefined;
  const listed = stringEntries(order).filter(([name]) => name !== '*');
  for (const [name, i] of listed) {
    uses.push({
      path: [name],
      pointer: pointer('form', 'uiSchema', 'ui:order', i),
      lead: 'L’ordre d’affichage (ui:order) cite le champ',
    });
  }
  return uses;
}
