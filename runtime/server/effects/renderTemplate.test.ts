import { describe, expect, it } from 'vitest';
import { renderTemplate, type TemplateContext } from './renderTemplate.ts';

// docs/SECURITY.md §11: templates are written by tenant admins and fed citizen data; liquid runs
// them with no file system, no prototype access and bounded work.

const context: TemplateContext = {
  dossier: { reference: 'AIDE-2026-000042', stateLabel: 'Déposé' },
  data: { prenom: 'Claire', nom: '<script>alert(1)</script>', enfants: ['Léo', 'Zoé'] },
  input: { motif: 'Revenus trop élevés' },
};

describe('renderTemplate', () => {
  it('renders placeholders, filters and loops', async () => {
    const source =
      'Bonjour {{ data.prenom | upcase }}, dossier {{ dossier.reference }} ({{ dossier.stateLabel }}). ' +
      '{% for e in data.enfants %}{{ e }};{% endfor %} {{ input.motif }}';
    expect(await renderTemplate(source, context)).toEqual({
      ok: true,
      value: 'Bonjour CLAIRE, dossier AIDE-2026-000042 (Déposé). Léo;Zoé; Revenus trop élevés',
    });
  });

  it('renders unknown variables as empty text', async () => {
    expect(await renderTemplate('[{{ data.absent }}][{{ inconnu.x }}]', context)).toEqual({
      ok: true,
      value: '[][]',
    });
  });

  it('leaves data as text: markup stays literal, nothing is evaluated', async () => {
    expect(await renderTemplate('{{ data.nom }}', context)).toEqual({
      ok: true,
      value: '<script>alert(1)</script>',
    });
    const injected = { ...context, data: { nom: '{{ input.motif }}{% include "/etc/passwd" %}' } };
    expect(await renderTemplate('{{ data.nom }}', injected)).toEqual({
      ok: true,
      value: '{{ input.motif }}{% include "/etc/passwd" %}',
    });
  });

  it.each([
    "{% include '/etc/passwd' %}",
    "{% render '/etc/passwd' %}",
    "{% layout '/etc/passwd' %}x",
    "{% include '../../../../etc/passwd' %}",
    '{% include data.prenom %}',
  ])('refuses to read files: %s', async (source) => {
    const result = await renderTemplate(source, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'TEMPLATE_ERROR' } });
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('does not reach prototypes or constructors', async () => {
    const source =
      '[{{ data.constructor }}][{{ data.__proto__ }}][{{ data.prenom.constructor.name }}][{{ data.toString }}]';
    expect(await renderTemplate(source, context)).toEqual({ ok: true, value: '[][][][]' });
  });

  it('refuses unknown filters instead of dropping text silently', async () => {
    expect(await renderTemplate('{{ data.prenom | execute }}', context)).toMatchObject({
      ok: false,
      error: { code: 'TEMPLATE_ERROR' },
    });
  });

  it('bounds hostile templates', async () => {
    const loop =
      '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}';
    const started = Date.now();
    expect(await renderTemplate(loop, context)).toMatchObject({
      ok: false,
      error: { code: 'TEMPLATE_ERROR' },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await renderTemplate('x'.repeat(200_000), context)).toMatchObject({ ok: false });
  });

  it('reports syntax errors as values', async () => {
    expect(await renderTemplate('{% if %}', context)).toMatchObject({
      ok: false,
      error: { code: 'TEMPLATE_ERROR' },
    });
  });

  describe('French filters', () => {
    const form = {
      schema: {
        type: 'object',
        properties: {
          situation: {
            type: 'string',
            oneOf: [
              { const: 'seul', title: 'Personne seule' },
              { const: 'couple', title: 'En couple' },
            ],
          },
          pieces: { type: 'array', items: { type: 'string', enum: ['rib', 'avis'] } },
        },
      },
      uiSchema: { pieces: { items: { 'ui:enumNames': ['RIB', 'avis d’imposition'] } } },
    };
    const letter: TemplateContext = {
      dossier: { reference: 'AIDE-2026-000042', createdAt: '2026-12-15T09:30:00.000Z' },
      data: {
        situation: 'couple',
        pieces: ['rib', 'avis'],
        montant: 45000,
        decision: '2026-12-01',
        enfants: ['Léo', 'Zoé', 'Inès'],
      },
      input: {},
      form,
    };

    it('renders labels, French dates, amounts and lists exactly', async () => {
      const source =
        '{{ data.situation | label: "situation" }} | {{ data.pieces | label: "pieces" | liste }} | ' +
        '{{ data.decision | date_fr }} | {{ dossier.createdAt | datetime_fr }} | ' +
        '{{ data.montant | montant }} | {{ data.enfants | liste }}';
      expect(await renderTemplate(source, letter)).toEqual({
        ok: true,
        value:
          'En couple | RIB et avis d’imposition | 1er décembre 2026 | ' +
          '15 décembre 2026 à 10 h 30 | 45\u202f000,00\u00a0€ | Léo, Zoé et Inès',
      });
    });

    it('gives the code back when the form is not known, never an error', async () => {
      const { form: _, ...withoutForm } = letter;
      expect(
        await renderTemplate('{{ data.situation | label: "situation" }}', withoutForm),
      ).toEqual({ ok: true, value: 'couple' });
    });

    it('says a data source’s entry by the label the server resolved', async () => {
      const sourced: TemplateContext = {
        ...letter,
        data: { commune: '69383' },
        form: {
          schema: {
            type: 'object',
            properties: { commune: { type: 'string', 'x-source': 'communes' } },
          },
        },
        sourceLabels: { communes: { '69383': 'Lyon 3e Arrondissement' } },
      };
      const source = 'Commune : {{ data.commune | label: "commune" }}{{ sourceLabels }}';
      expect(await renderTemplate(source, sourced)).toEqual({
        ok: true,
        value: 'Commune : Lyon 3e Arrondissement',
      });
    });

    it('does not expose the form as a variable', async () => {
      expect(await renderTemplate('[{{ form }}][{{ schema }}]', letter)).toEqual({
        ok: true,
        value: '[][]',
      });
    });
  });
});
