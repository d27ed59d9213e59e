import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unknownPlaceholder } from './unknownPlaceholder.ts';

describe('unknown-placeholder', () => {
  it('accepts dossier, data and input placeholders', () => {
    expect(lintRule(unknownPlaceholder)).toEqual([]);
  });

  it('flags unknown roots and dossier properties, not local variables', () => {
    const found = lintRule(unknownPlaceholder, (d) => {
      d.notifications[0]!.subject = '{{ usager.nom }} {{ dossier.numero }}';
      d.notifications[0]!.body =
        '{% assign n = data.nom %}{{ n }} {{ dossier.reference }} {{ dossier }}';
    });
    expect(pointers(found)).toEqual(['/notifications/0/subject', '/notifications/0/subject']);
    expect(found[1]?.message).toContain('pas d’information « numero »');
  });
});
