import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../definition/types.ts';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { invalidTemplate } from './invalidTemplate.ts';
import { unknownTemplateFilter } from './unknownTemplateFilter.ts';

describe('unknown-template-filter', () => {
  it('accepts Guichet’s French filters and liquid’s own', () => {
    const found = lintRule(unknownTemplateFilter, (d) => {
      d.letters[0]!.body =
        '{{ data.situation | label: "situation" }} {{ dossier.createdAt | date_fr }} ' +
        '{{ dossier.createdAt | datetime_fr }} {{ data.revenuMensuel | montant }} ' +
        '{{ data.enfants | liste }} {{ data.nom | upcase | default: "?" }}';
    });
    expect(found).toEqual([]);
  });

  it('flags a misspelt filter, naming it, and invalid-template stays quiet', () => {
    const edit = (d: DemarcheDefinition) => {
      d.letters[0]!.body = 'Montant :\n{{ data.revenuMensuel | montnat }}';
    };
    const found = lintRule(unknownTemplateFilter, edit);
    expect(pointers(found)).toEqual(['/letters/0/body']);
    expect(found[0]?.message).toContain('le filtre « montnat », ligne 2, qui n’existe pas');
    expect(found[0]?.message).toContain('« montant »');
    expect(lintRule(invalidTemplate, edit)).toEqual([]);
  });
});
