import type { BenchForm } from '../benchForm.ts';
import { finishTiming } from './renderTiming.ts';

type Property = {
  type?: string;
  title?: string;
  format?: string;
  enum?: string[];
};

/**
 * The floor: the same fields written straight into the DOM, no framework, no schema
 * machinery at run time beyond reading titles and types. Answers go into one object on
 * `input`; a condition's « non » hides its three fields.
 */
export function renderPlainDom(container: HTMLElement, form: BenchForm): void {
  const startedAt = performance.now();
  const answers: Record<string, unknown> = { ...form.data };
  const properties = (form.schema as { properties: Record<string, Property> }).properties;
  const revealed = new Map<string, Property>();
  for (const condition of (
    form.schema as { allOf: Array<{ then: { properties: Record<string, Property> } }> }
  ).allOf) {
    for (const [name, property] of Object.entries(condition.then.properties))
      revealed.set(name, property);
  }
  const root = document.createElement('form');
  for (const section of form.sections) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = section.title;
    fieldset.append(legend);
    const conditional: HTMLElement[] = [];
    for (const name of section.fields) {
      const property = properties[name] ?? revealed.get(name) ?? {};
      const widget = (form.uiSchema[name] as { 'ui:widget'?: string } | undefined)?.['ui:widget'];
      const row = fieldRow(name, property, widget, answers);
      if (revealed.has(name)) conditional.push(row);
      fieldset.append(row);
    }
    fieldset.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === 'radio' && target.name.endsWith('_condition')) {
        for (const row of conditional) row.hidden = target.value !== 'oui';
      }
    });
    root.append(fieldset);
  }
  container.append(root);
  void finishTiming(startedAt);
}

function fieldRow(
  name: string,
  property: Property,
  widget: string | undefined,
  answers: Record<string, unknown>,
): HTMLElement {
  const row = document.createElement('div');
  const id = `root_${name}`;
  const record = (event: Event) => {
    const target = event.target as HTMLInputElement;
    answers[name] = target.type === 'checkbox' ? target.checked : target.value;
  };
  if (property.enum && widget === 'radio') {
    const group = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = property.title ?? name;
    group.append(legend);
    for (const [index, choice] of property.enum.entries()) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = id;
      input.id = `${id}-${index}`;
      input.value = choice;
      input.checked = answers[name] === choice;
      input.addEventListener('change', record);
      label.append(input, ` ${choice}`);
      group.append(label);
    }
    row.append(group);
    return row;
  }
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = property.title ?? name;
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (property.enum) {
    const select = document.createElement('select');
    select.append(new Option('', ''));
    for (const choice of property.enum) select.append(new Option(choice, choice));
    control = select;
  } else if (widget === 'textarea') {
    control = document.createElement('textarea');
  } else {
    const input = document.createElement('input');
    input.type =
      property.type === 'boolean'
        ? 'checkbox'
        : property.type === 'integer'
          ? 'number'
          : property.format === 'email'
            ? 'email'
            : property.format === 'date'
              ? 'date'
              : 'text';
    control = input;
  }
  control.id = id;
  control.name = id;
  control.addEventListener('input', record);
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    row.append(control, label);
  } else {
    row.append(label, control);
  }
  return row;
}
