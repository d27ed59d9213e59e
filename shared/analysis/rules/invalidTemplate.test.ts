import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { invalidTemplate } from './invalidTemplate.ts';

describe('invalid-template', () => {
  it('accepts the sample templates', () => {
    expect(lintRule(invalidTemplate)).toEqual([]);
  });

  it('flags liquid that does not parse, with its place', () => {
    const found = lintRule(invalidTemplate, (d) => {
      d.notifications[2]!.subject = 'Décision {{ dossier.reference';
      d.letters[0]!.body = 'Bonjour,\n{% if data.nom %}accord';
    });
    expect(pointers(found)).toEqual(['/notifications/2/subject', '/letters/0/body']);
    expect(found[0]?.message).toContain('colonne 10');
    expect(found[1]?.message).toContain('ligne 2');
  });
});
