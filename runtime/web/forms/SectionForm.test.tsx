import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { withFileFields } from './fileFieldUi.ts';
import type { GuichetFormContext } from './formContext.ts';
import { FileField } from './formTheme.ts';
import { toErrorSchema } from './pageErrors.ts';
import { precompiledValidator } from './precompiledValidator.ts';
import { SectionForm } from './SectionForm.tsx';
import { sectionSchema, sectionUiSchema } from './sectionSchema.ts';

const root = {
  type: 'object',
  properties: {
    nom: {
      type: 'string',
      title: 'Nom',
      description: '<img src=x onerror="alert(1)"> **gras**',
    },
    courriel: { type: 'string', title: 'Courriel', format: 'email' },
    situation: { type: 'string', title: 'Situation', enum: ['seul', 'couple'] },
    conjoint: { type: 'string', title: 'Nom du conjoint' },
  },
  required: ['nom'],
  if: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
  then: { required: ['conjoint'] },
};

const context: GuichetFormContext = { dossierId: null, files: {}, rememberFile: () => {} };

/** The server's compiled `if`, as the served module gives it: true for a couple. */
const validator = precompiledValidator({
  [hashForSchema(root.if as RJSFSchema)]: (data: unknown) =>
    (data as { situation?: string }).situation === 'couple',
});

function render(fields: string[], formData: Record<string, unknown>, errors = {}) {
  return renderToStaticMarkup(
    <SectionForm
      schema={sectionSchema(root, fields) as RJSFSchema}
      uiSchema={sectionUiSchema(
        { nom: { 'ui:help': 'Comme sur vos papiers.' } },
        fields,
        new Set(),
      )}
      formData={formData}
      extraErrors={Object.keys(errors).length > 0 ? errors : undefined}
      validator={validator}
      context={context}
      onChange={() => {}}
      onBlur={() => {}}
    />,
  );
}

// Its own chunk in the browser (lazyPart): loaded first, so the static render draws it.
beforeAll(async () => {
  await FileField.preload();
});

describe('our RJSF theme, rendered', () => {
  it('ties each label to its input, says « obligatoire » in words, names help and errors', () => {
    const html = render(
      ['nom', 'courriel'],
      {},
      toErrorSchema([{ path: ['nom'], inputId: 'root_nom', message: 'Ce champ est obligatoire.' }]),
    );
    expect(html).toContain(
      '<label for="root_nom">Nom<span class="obligatoire"> (obligatoire)</span>',
    );
    expect(html).toMatch(/<input id="root_nom"[^>]*aria-invalid="true"/);
    expect(html).toMatch(
      /<input id="root_nom"[^>]*aria-describedby="root_nom__error root_nom__description root_nom__help"/,
    );
    expect(html).toContain('id="root_nom__error"');
    expect(html).toContain('id="root_nom__help"');
    // HTML attribute names are case-insensitive; React's server renderer keeps the camel case.
    expect(html).toMatch(/<input id="root_courriel"[^>]*autocomplete="email"/i);
    expect(html).not.toMatch(/<input id="root_courriel"[^>]*aria-invalid/);
  });

  it('shows an admin’s description as text, never as markup (docs/SECURITY.md §61)', () => {
    const html = render(['nom'], {});
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<strong>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; **gras**');
  });

  it('decides a condition with the precompiled validator: the spouse is required for a couple', () => {
    const couple = render(['situation', 'conjoint'], { situation: 'couple' });
    const single = render(['situation', 'conjoint'], { situation: 'seul' });
    expect(couple).toContain(
      '<label for="root_conjoint">Nom du conjoint<span class="obligatoire">',
    );
    expect(single).toContain('<label for="root_conjoint">Nom du conjoint</label>');
  });
  it('draws a repeated group as a fieldset, each entry numbered, with its file field labelled', () => {
    const schema = {
      type: 'object',
      properties: {
        enfants: {
          type: 'array',
          title: 'Vos enfants',
          items: {
            type: 'object',
            title: 'un enfant',
            properties: {
              prenom: { type: 'string', title: 'Prénom' },
              certificat: {
                type: 'array',
                title: 'Certificat de scolarité',
                items: { type: 'string', format: 'attachment-id' },
                'x-file': { accept: ['application/pdf'] },
              },
            },
          },
        },
      },
    } as RJSFSchema;
    const html = renderToStaticMarkup(
      <SectionForm
        schema={schema}
        uiSchema={withFileFields(schema, {})}
        formData={{ enfants: [{ prenom: 'Léa' }] }}
        extraErrors={undefined}
        validator={validator}
        context={context}
        onChange={() => {}}
        onBlur={() => {}}
      />,
    );
    expect(html).toContain('<legend>Vos enfants</legend>');
    expect(html).toContain('<legend>Élément 1</legend>');
    expect(html).toContain('Retirer l’élément 1');
    expect(html).toContain('Ajouter : un enfant');
    expect(html).toContain('<label for="root_enfants_0_prenom">Prénom</label>');
    expect(html).toContain(
      '<label for="root_enfants_0_certificat">Certificat de scolarité</label>',
    );
    expect(html).toMatch(
      /<input type="file" id="root_enfants_0_certificat" accept="application\/pdf"/,
    );
  });

  it('starts a required file field with no file, where RJSF would put a blank one for minItems', () => {
    const schema = {
      type: 'object',
      required: ['avis'],
      properties: {
        avis: {
          type: 'array',
          title: 'Avis d’imposition',
          minItems: 1,
          items: { type: 'string', format: 'attachment-id' },
          'x-file': { accept: ['application/pdf'] },
        },
      },
    } as RJSFSchema;
    const html = renderToStaticMarkup(
      <SectionForm
        schema={schema}
        uiSchema={withFileFields(schema, {})}
        formData={{}}
        extraErrors={undefined}
        validator={validator}
        context={context}
        onChange={() => {}}
        onBlur={() => {}}
      />,
    );
    expect(html).toMatch(/<input type="file" id="root_avis"/);
    expect(html).not.toContain('Fichier joint');
    expect(html).not.toContain('Retirer');
  });
});
