import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { fieldOnNoPage } from './fieldOnNoPage.ts';

describe('field-on-no-page', () => {
  it('accepts a form without pages, and pages placing every field', () => {
    expect(lintRule(fieldOnNoPage)).toEqual([]);
    const found = lintRule(fieldOnNoPage, (d) => {
      d.form.pages = [
        { id: 'a', title: 'A', fields: ['nom', 'prenom', 'email'] },
        { id: 'b', title: 'B', fields: ['situation', 'conjoint', 'revenuMensuel'] },
      ];
    });
    expect(found).toEqual([]);
  });

  it('warns about an optional field on no page, leaving required ones to their rule', () => {
    const found = lintRule(fieldOnNoPage, (d) => {
      d.form.pages = [{ id: 'a', title: 'A', fields: ['nom'] }];
    });
    // conjoint is required only when in a couple: still required-field-always-hidden's.
    expect(found).toEqual([]);
    const optional = lintRule(fieldOnNoPage, (d) => {
      d.form.pages = [{ id: 'a', title: 'A', fields: ['nom'] }];
      delete (d.form.schema as Record<string, unknown>)['then'];
    });
    expect(pointers(optional)).toEqual(['/form/schema/properties/conjoint']);
    expect(optional[0]?.severity).toBe('warning');
  });

  it('leaves out a field a transition writes from the agent’s input', () => {
    const found = lintRule(fieldOnNoPage, (d) => {
      d.form.pages = [{ id: 'a', title: 'A', fields: ['nom'] }];
      delete (d.form.schema as Record<string, unknown>)['then'];
      const refuser = d.workflow.transitions.find((t) => t.id === 'refuser')!;
      refuser.writes = [{ field: 'conjoint', fromInput: 'motif' }];
    });
    expect(found).toEqual([]);
  });
});
