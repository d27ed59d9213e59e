import type { RJSFSchema } from '@rjsf/utils';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuichetFormContext } from './formContext.ts';
import { SourceWidget } from './formTheme.ts';
import { precompiledValidator } from './precompiledValidator.ts';
import { SectionForm } from './SectionForm.tsx';
import { type FormSource, withSourcedFields } from './sourceFieldUi.ts';

const schema = {
  type: 'object',
  properties: {
    commune: { type: 'string', title: 'Commune', 'x-source': 'communes' },
    niveau: { type: 'string', title: 'Niveau', 'x-source': 'niveaux' },
  },
} as RJSFSchema;
const sources: FormSource[] = [
  { id: 'communes', options: null },
  { id: 'niveaux', options: [{ value: 'cp', label: 'CP' }] },
];
const context: GuichetFormContext = { dossierId: null, files: {}, rememberFile: () => {} };

function render(formData: Record<string, unknown>) {
  return renderToStaticMarkup(
    <SectionForm
      schema={schema}
      uiSchema={withSourcedFields(schema, {}, sources)}
      formData={formData}
      extraErrors={undefined}
      validator={precompiledValidator({})}
      context={context}
      onChange={() => {}}
      onBlur={() => {}}
    />,
  );
}

// Its own chunk in the browser (lazyPart): loaded first, so the static render draws it.
beforeAll(async () => {
  await SourceWidget.preload();
});

describe('choices from data sources, rendered', () => {
  it('draws a static list as a labelled select of its options', () => {
    const html = render({ niveau: 'cp' });
    expect(html).toContain('<label for="root_niveau">Niveau</label>');
    expect(html).toMatch(
      /<select id="root_niveau"[^>]*>.*<option value="cp" selected="">CP<\/option>/,
    );
  });

  it('draws a searched source as a closed combobox tied to its list and its hint', () => {
    const html = render({});
    expect(html).toContain('<label for="root_commune">Commune</label>');
    expect(html).toMatch(
      /<input id="root_commune"[^>]*role="combobox"[^>]*aria-autocomplete="list" aria-expanded="false" aria-controls="root_commune__options" aria-describedby="root_commune__source"/,
    );
    expect(html).toContain('<div id="root_commune__options" role="listbox" aria-label="Commune"');
    expect(html).toContain(
      'id="root_commune__source" class="champ-aide">Tapez les premières lettres',
    );
  });

  it('leaves the UI schema alone when the form has no source', () => {
    expect(withSourcedFields(schema, { 'ui:order': ['niveau'] }, [])).toEqual({
      'ui:order': ['niveau'],
    });
  });
});
