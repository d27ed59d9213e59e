import { describe, expect, it } from 'vitest';
import { mergeDraft } from './mergeDraft.ts';

describe('mergeDraft', () => {
  it('keeps the fields not sent and lists only the ones whose value changes', () => {
    const stored = { nom: 'Martin', prenom: 'Claire', revenuMensuel: 900 };
    expect(mergeDraft(stored, { nom: 'Durand', prenom: 'Claire' })).toEqual({
      data: { nom: 'Durand', prenom: 'Claire', revenuMensuel: 900 },
      changed: ['nom'],
    });
  });

  it('clears a field sent as null, and ignores null for a field never filled', () => {
    expect(
      mergeDraft({ nom: 'Martin', conjoint: 'Paul' }, { conjoint: null, email: null }),
    ).toEqual({ data: { nom: 'Martin' }, changed: ['conjoint'] });
  });

  it('replaces a repeated group whole: a shorter list removes the lines left out', () => {
    const stored = { enfants: [{ prenom: 'Léa' }, { prenom: 'Tom' }], nom: 'Martin' };
    expect(mergeDraft(stored, { enfants: [{ prenom: 'Tom' }] })).toEqual({
      data: { enfants: [{ prenom: 'Tom' }], nom: 'Martin' },
      changed: ['enfants'],
    });
  });

  it('does not touch the stored object', () => {
    const stored = { nom: 'Martin' };
    mergeDraft(stored, { nom: null });
    expect(stored).toEqual({ nom: 'Martin' });
  });
});
