import { dataGuard } from './dataGuard.ts';
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
 * checks and field lists, section field lists, editable fields, computed fields and their json-logic
 * expressions, the form's rules (their field and expressions), effect conditions, the form's own `if`/`not` tests and `ui:order`.
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
    const guard = dataGuard(t, i);
    if (guard !== undefined) fromSchema(guard.schema, guard.pointer, lead);
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
  const sections = isObject(context.definition.form) ? context.definition.form.sections : [];
  asArray<unknown>(sections).forEach((section, i) => {
    if (!isObject(section)) return;
    const lead = `La section ${quote(section['title'])} regroupe le champ`;
    names(section['fields'], ['form', 'sections', i, 'fields'], lead);
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
  asArray<unknown>(form?.rules).forEach((rule, i) => {
    if (!isObject(rule)) return;
    const name = quote(rule['id']);
    if (typeof rule['field'] === 'string') {
      const lead = `La règle ${name} affiche son message à côté du champ`;
      uses.push({ path: [rule['field']], pointer: pointer('form', 'rules', i, 'field'), lead });
    }
    for (const key of ['when', 'assert'] as const) {
      const at = pointer('form', 'rules', i, key);
      for (const ref of collectLogicReferences(rule[key], at)) {
        uses.push({ path: ref.path, pointer: ref.pointer, lead: `La règle ${name} lit le champ` });
      }
    }
  });
  context.transitions.forEach((t, i) => {
    asArray<unknown>(t.rules).forEach((rule, j) => {
      if (!isObject(rule)) return;
      const name = `La règle ${quote(rule['id'])} de ${describeTransition(t)}`;
      const field = rule['field'];
      if (typeof field === 'string' && !inputFields(t).has(field)) {
        uses.push({
          path: [field],
          pointer: pointer('workflow', 'transitions', i, 'rules', j, 'field'),
          lead: `${name} affiche son message à côté du champ`,
        });
      }
      for (const key of ['when', 'assert'] as const) {
        const at = pointer('workflow', 'transitions', i, 'rules', j, key);
        for (const ref of collectLogicReferences(rule[key], at)) {
          if (ref.path[0] === 'input') continue;
          uses.push({ path: ref.path, pointer: ref.pointer, lead: `${name} lit le champ` });
        }
      }
    });
    asArray<unknown>(t.effects).forEach((effect, j) => {
      if (!isObject(effect)) return;
      const at = pointer('workflow', 'transitions', i, 'effects', j, 'when');
      for (const ref of collectLogicReferences(effect['when'], at)) {
        // `input.…` reads the transition's input, not the form.
        if (ref.path[0] === 'input') continue;
        const lead = `La condition d’un effet de ${describeTransition(t)} lit le champ`;
        uses.push({ path: ref.path, pointer: ref.pointer, lead });
      }
    });
  });
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

/** The fields of a transition's input form: a rule's message may sit beside one. */
function inputFields(transition: { input?: unknown }): Set<string> {
  const input = isObject(transition.input) ? transition.input : undefined;
  const schema = isObject(input?.['schema']) ? input['schema'] : undefined;
  return new Set(isObject(schema?.['properties']) ? Object.keys(schema['properties']) : []);
}
