import { describe, expect, it } from 'vitest';
import { checkFileBeforeUpload } from '../forms/fields/checkFileBeforeUpload.ts';
import { formSteps } from '../forms/formSteps.ts';
import { toPageErrors } from '../forms/toPageErrors.ts';
import { linkToken } from './account/linkToken.ts';
import { changedFields } from './filling/changedFields.ts';
import { returnPath } from './paths.ts';

describe('the citizen app’s rules', () => {
  it('autosaves only what changed, and clears what was removed', () => {
    expect(
      changedFields({ nom: 'Dupont', email: 'a@b.fr', n: 1 }, { nom: 'Durand', n: 1 }),
    ).toEqual({
      nom: 'Durand',
      email: null,
    });
    expect(changedFields({ l: [1, 2] }, { l: [1, 2] })).toEqual({});
  });

  it('goes back after login only to a path of this site (no open redirect)', () => {
    expect(returnPath('?retour=%2Fdemarches%2Faide-sociale')).toBe('/demarches/aide-sociale');
    expect(returnPath('?retour=%2F%2Fevil.example')).toBe('/mes-dossiers');
    expect(returnPath('?retour=https%3A%2F%2Fevil.example')).toBe('/mes-dossiers');
    expect(returnPath('?retour=%2F%5Cevil.example')).toBe('/mes-dossiers');
    expect(returnPath('')).toBe('/mes-dossiers');
  });

  it('reads a mailed link’s token from the fragment only when it has the token’s shape', () => {
    const token = `${'A'.repeat(42)}_`;
    expect(linkToken(`#jeton=${token}`)).toBe(token);
    expect(linkToken('#jeton=court')).toBeNull();
    expect(linkToken(`#autre=${token}`)).toBeNull();
    expect(linkToken('')).toBeNull();
  });

  it('refuses a file of the wrong type or too big before sending it', () => {
    const pdfOnly = { accept: ['application/pdf'], maxBytes: 1000 };
    expect(
      checkFileBeforeUpload({ name: 'avis.pdf', type: 'application/pdf', size: 10 }, pdfOnly),
    ).toBeNull();
    expect(checkFileBeforeUpload({ name: 'avis.pdf', type: '', size: 10 }, pdfOnly)).toBeNull();
    expect(checkFileBeforeUpload({ name: 'avis.docx', type: '', size: 10 }, pdfOnly)).toBe(
      'Ce type de fichier n’est pas accepté. Formats acceptés : PDF.',
    );
    expect(
      checkFileBeforeUpload({ name: 'a.pdf', type: 'application/pdf', size: 2048 }, pdfOnly),
    ).toBe('Le fichier est trop volumineux (2 ko) : 1000 octets au maximum.');
    expect(
      checkFileBeforeUpload({ name: 'a.pdf', type: 'application/pdf', size: 0 }, pdfOnly),
    ).toBe('Le fichier est vide.');
  });

  it('makes one step of a form without pages, in ui:order', () => {
    const schema = { type: 'object', properties: { a: {}, b: {}, c: {} } };
    expect(formSteps(schema, { 'ui:order': ['c', 'a', '*'] }, null)).toEqual([
      { id: '', title: 'Votre demande', fields: ['c', 'a', 'b'] },
    ]);
  });

  it('reads the server’s field messages, dotted or as pointers', () => {
    expect(toPageErrors({ 'enfants.1.nom': ['A'], '/revenu': ['B'] })).toEqual([
      { path: ['enfants', 1, 'nom'], inputId: 'root_enfants_1_nom', message: 'A' },
      { path: ['revenu'], inputId: 'root_revenu', message: 'B' },
    ]);
  });
});
