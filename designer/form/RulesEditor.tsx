import { useId } from 'react';
import type { DemarcheDefinition, FormRule } from '../../shared/definition/index.ts';
import type { DraftDispatch } from '../editing/index.ts';
import { type FormFieldChoice, formFieldsOf } from '../workflow/conditions/formFieldsOf.ts';
import {
  assertOfComparison,
  comparisonOfAssert,
  DATE_UNIT_LABELS,
  type DateUnit,
  RULE_OPERATOR_LABELS,
  type RuleComparison,
  type RuleOperand,
  type RuleOperator,
} from './ruleComparison.ts';

/**
 * The form's cross-field rules (`form.rules`) built with lists and inputs: an answer
 * compared with a value, another answer (times a factor) or the day's date (moved by some
 * days, months or years), and the message the citizen reads beside the field when it does
 * not hold — in the browser as on the server, which run the same rule. A rule written
 * otherwise in the JSON tab is listed, and removable, but edited there.
 */
export function RulesEditor({
  definition,
  dispatch,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
}) {
  const rules = definition.form.rules ?? [];
  const fields = formFieldsOf(definition);
  const setRules = (next: FormRule[]) => dispatch({ type: 'setRules', rules: next });
  const add = () => {
    const first = fields[0];
    if (!first) return;
    const comparison: RuleComparison = {
      field: first.name,
      operator: 'le',
      against: { kind: 'value', value: first.type === 'number' ? 0 : '' },
    };
    setRules([
      ...rules,
      {
        id: freshRuleId(rules),
        field: first.name,
        assert: assertOfComparison(comparison),
        message: `Vérifiez « ${first.title} ».`,
      },
    ]);
  };
  return (
    <details className="carte regles">
      <summary>Règles de cohérence ({rules.length})</summary>
      <p className="aide">
        Une règle compare une réponse à une valeur, à une autre réponse ou à la date du jour. Quand
        elle n’est pas respectée, l’usager lit votre message à côté du champ, en remplissant comme à
        l’envoi. Une réponse laissée vide ne contredit aucune règle.
      </p>
      {rules.map((rule, index) => (
        <RuleItem
          key={rule.id}
          rule={rule}
          position={index + 1}
          fields={fields}
          onChange={(next) => setRules(rules.map((current) => (current === rule ? next : current)))}
          onRemove={() => setRules(rules.filter((current) => current !== rule))}
        />
      ))}
      {fields.length === 0 ? (
        <p>Ajoutez d’abord des champs au formulaire.</p>
      ) : (
        <button type="button" onClick={add}>
          Ajouter une règle
        </button>
      )}
    </details>
  );
}

function RuleItem({
  rule,
  position,
  fields,
  onChange,
  onRemove,
}: {
  rule: FormRule;
  position: number;
  fields: readonly FormFieldChoice[];
  onChange: (rule: FormRule) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const comparison = rule.when === undefined ? comparisonOfAssert(rule.assert) : null;
  const remove = (
    <button type="button" className="bouton-secondaire" onClick={onRemove}>
      Supprimer la règle {position}
    </button>
  );
  if (comparison === null) {
    return (
      <fieldset className="regle">
        <legend>Règle {position} (avancée)</legend>
        <p>« {rule.message} » — cette règle s’écrit dans l’onglet JSON, où elle se modifie.</p>
        {remove}
      </fieldset>
    );
  }
  const update = (next: RuleComparison) =>
    onChange({ ...rule, field: next.field, assert: assertOfComparison(next) });
  const field = fields.find((candidate) => candidate.name === comparison.field);
  const against = comparison.against;
  return (
    <fieldset className="regle">
      <legend>Règle {position}</legend>
      <div className="champ">
        <label htmlFor={`${id}-champ`}>Champ concerné (le message s’affiche à côté)</label>
        <select
          id={`${id}-champ`}
          value={comparison.field}
          onChange={(event) => {
            const chosen = fields.find((candidate) => candidate.name === event.target.value);
            // A value typed for the previous field may not suit this one (text vs number).
            const operand =
              against.kind === 'value' ? freshOperand('value', fields, chosen) : against;
            update({ ...comparison, field: event.target.value, against: operand });
          }}
        >
          <FieldOptions fields={fields} current={comparison.field} />
        </select>
      </div>
      <div className="champ">
        <label htmlFor={`${id}-operateur`}>Doit être</label>
        <select
          id={`${id}-operateur`}
          value={comparison.operator}
          onChange={(event) =>
            update({ ...comparison, operator: event.target.value as RuleOperator })
          }
        >
          {(Object.keys(RULE_OPERATOR_LABELS) as RuleOperator[]).map((operator) => (
            <option key={operator} value={operator}>
              {RULE_OPERATOR_LABELS[operator]}
            </option>
          ))}
        </select>
      </div>
      <div className="champ">
        <label htmlFor={`${id}-genre`}>Comparé à</label>
        <select
          id={`${id}-genre`}
          value={against.kind}
          onChange={(event) =>
            update({
              ...comparison,
              against: freshOperand(event.target.value as RuleOperand['kind'], fields, field),
            })
          }
        >
          <option value="value">une valeur</option>
          <option value="field">la réponse à un autre champ</option>
          <option value="today">la date du jour</option>
        </select>
      </div>
      <OperandInputs
        id={id}
        against={against}
        field={field}
        fields={fields}
        onChange={(next) => update({ ...comparison, against: next })}
      />
      <div className="champ">
        <label htmlFor={`${id}-message`}>Message affiché à l’usager</label>
        <input
          id={`${id}-message`}
          value={rule.message}
          onChange={(event) => onChange({ ...rule, message: event.target.value })}
        />
      </div>
      {remove}
    </fieldset>
  );
}

function OperandInputs({
  id,
  against,
  field,
  fields,
  onChange,
}: {
  id: string;
  against: RuleOperand;
  field: FormFieldChoice | undefined;
  fields: readonly FormFieldChoice[];
  onChange: (operand: RuleOperand) => void;
}) {
  if (against.kind === 'value') {
    const numeric = field?.type === 'number';
    return (
      <div className="champ">
        <label htmlFor={`${id}-valeur`}>Valeur</label>
        {field?.choices ? (
          <select
            id={`${id}-valeur`}
            value={String(against.value)}
            onChange={(event) => onChange({ kind: 'value', value: event.target.value })}
          >
            {field.choices.map((choice) => (
              <option key={String(choice)} value={String(choice)}>
                {String(choice)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-valeur`}
            type={numeric ? 'number' : 'text'}
            value={String(against.value)}
            onChange={(event) => {
              if (!numeric) return onChange({ kind: 'value', value: event.target.value });
              const value = event.target.valueAsNumber;
              if (Number.isFinite(value)) onChange({ kind: 'value', value });
            }}
          />
        )}
      </div>
    );
  }
  if (against.kind === 'field') {
    return (
      <>
        <div className="champ">
          <label htmlFor={`${id}-autre`}>Autre champ</label>
          <select
            id={`${id}-autre`}
            value={against.field}
            onChange={(event) => onChange({ ...against, field: event.target.value })}
          >
            <FieldOptions fields={fields} current={against.field} />
          </select>
        </div>
        <div className="champ">
          <label htmlFor={`${id}-facteur`}>Multiplié par (1 : tel quel ; 0,5 : la moitié)</label>
          <input
            id={`${id}-facteur`}
            type="number"
            step="any"
            value={against.factor}
            onChange={(event) => {
              const factor = event.target.valueAsNumber;
              if (Number.isFinite(factor)) onChange({ ...against, factor });
            }}
          />
        </div>
      </>
    );
  }
  return (
    <div className="champ decalage">
      <label htmlFor={`${id}-decalage`}>
        Décalée de (négatif : dans le passé ; -10 ans : il y a dix ans)
      </label>
      <input
        id={`${id}-decalage`}
        type="number"
        step="1"
        value={against.offset}
        onChange={(event) => {
          const offset = event.target.valueAsNumber;
          if (Number.isInteger(offset)) onChange({ ...against, offset });
        }}
      />
      <label htmlFor={`${id}-unite`}>Unité</label>
      <select
        id={`${id}-unite`}
        value={against.unit}
        onChange={(event) => onChange({ ...against, unit: event.target.value as DateUnit })}
      >
        {(Object.keys(DATE_UNIT_LABELS) as DateUnit[]).map((unit) => (
          <option key={unit} value={unit}>
            {DATE_UNIT_LABELS[unit]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form's fields as options, keeping a field the JSON names but the form lost. */
function FieldOptions({
  fields,
  current,
}: {
  fields: readonly FormFieldChoice[];
  current: string;
}) {
  return (
    <>
      {fields.some((candidate) => candidate.name === current) ? null : (
        <option value={current}>{current} (absent du formulaire)</option>
      )}
      {fields.map((candidate) => (
        <option key={candidate.name} value={candidate.name}>
          {candidate.title}
        </option>
      ))}
    </>
  );
}

function freshOperand(
  kind: RuleOperand['kind'],
  fields: readonly FormFieldChoice[],
  field: FormFieldChoice | undefined,
): RuleOperand {
  if (kind === 'today') return { kind, offset: 0, unit: 'days' };
  if (kind === 'field') {
    const other = fields.find((candidate) => candidate.name !== field?.name) ?? fields[0];
    return { kind, field: other?.name ?? '', factor: 1 };
  }
  return { kind, value: field?.type === 'number' ? 0 : (field?.choices?.[0] ?? '') };
}

function freshRuleId(rules: readonly FormRule[]): string {
  const taken = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (taken.has(`regle-${n}`)) n += 1;
  return `regle-${n}`;
}
