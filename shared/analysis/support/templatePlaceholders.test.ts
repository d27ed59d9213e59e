import { describe, expect, it } from 'vitest';
import { templatePlaceholders } from './templatePlaceholders.ts';

describe('templatePlaceholders', () => {
  it('lists the context variables a template reads, with their place', () => {
    expect(
      templatePlaceholders('Bonjour {{ data.prenom }},\n{{ dossier.reference | upcase }}'),
    ).toEqual({
      ok: true,
      placeholders: [
        { segments: ['data', 'prenom'], row: 1, col: 12 },
        { segments: ['dossier', 'reference'], row: 2, col: 4 },
      ],
    });
  });

  it('leaves out local variables and marks steps computed at render time', () => {
    const parsed = templatePlaceholders(
      '{% assign n = data.nom %}{{ n }}{% for e in data.enfants %}{{ e.age }}{% endfor %}{{ data[dossier.state] }}',
    );
    expect(parsed.ok && parsed.placeholders.map((p) => p.segments)).toEqual([
      ['data', 'nom'],
      ['data', 'enfants'],
      ['data', null],
      ['dossier', 'state'],
    ]);
  });

  it('says where a template does not parse', () => {
    expect(templatePlaceholders('a\n{% if data.x %}b')).toEqual({
      ok: false,
      detail: 'tag {% if data.x %} not closed',
      row: 2,
      col: 1,
    });
  });

  it('gives the same answer from its memo', () => {
    expect(templatePlaceholders('{{ data.x }}')).toBe(templatePlaceholders('{{ data.x }}'));
  });
});
