import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './passwordPolicy.ts';

const refusal = (password: string, personal: string[] = []) => {
  const result = checkPasswordPolicy(password, personal);
  return result.ok ? null : result.error;
};

describe('checkPasswordPolicy', () => {
  it('refuses fewer than 12 characters, in characters not bytes', () => {
    expect(refusal('Tr0ub4dor&3')?.message).toBe(
      'Le mot de passe doit contenir au moins 12 caractères.',
    );
    expect(refusal('éééééééééééé'.slice(0, 11))?.code).toBe('WEAK_PASSWORD');
  });

  it('refuses 129 characters and accepts 128', () => {
    const base = 'une phrase assez longue pour le test ';
    expect(refusal(base.repeat(4).slice(0, 129))?.message).toBe(
      'Le mot de passe ne doit pas dépasser 128 caractères.',
    );
    expect(refusal(base.repeat(4).slice(0, 128))).toBeNull();
  });

  it.each([
    'azerty123456',
    'AZERTY123456',
    'Azertyuiop12',
    'motdepasse12',
    'MotDePasse2026!',
    'Mot de passe 2026',
    'soleil123456',
    'Marseille13013',
    'iloveyou2026',
    'password1234',
    '123456789012',
    '000000000000',
    'aaaaaaaaaaaaaaaa',
  ])('refuses the common password %s', (password) => {
    const error = refusal(password);
    expect(error?.code).toBe('WEAK_PASSWORD');
    expect(error?.message).toMatch(/trop courant/);
    expect(error?.fieldErrors).toEqual({ password: [error?.message] });
  });

  it('refuses the email or the name of the account', () => {
    expect(refusal('claire.dupont2026', ['claire.dupont@example.fr'])?.message).toMatch(
      /adresse e-mail ou votre nom/,
    );
    expect(refusal('Claire Dupont 1984', ['Claire Dupont'])?.code).toBe('WEAK_PASSWORD');
  });

  it('accepts a long pasted passphrase with spaces', () => {
    const passphrase = 'le vieux chêne du jardin de ma grand-mère perd ses feuilles';
    expect(passphrase.length).toBeGreaterThanOrEqual(58);
    expect(refusal(passphrase)).toBeNull();
    expect(refusal('Cheval correct agrafe batterie')).toBeNull();
  });
});
