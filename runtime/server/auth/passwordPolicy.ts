import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Loaded once: a few hundred lines, looked up in a Set. */
const COMMON_PASSWORDS = new Set(
  readFileSync(new URL('./commonPasswords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

/** Lower case, no accents, no spaces: "Mot de passe" and "motdepasse" are one password. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** The variants compared with the lists: as typed, and without trailing digits or symbols. */
function variants(password: string): string[] {
  const whole = normalise(password);
  const stem = whole.replace(/[\d\p{P}\p{S}]+$/u, '');
  return stem === '' || stem === whole ? [whole] : [whole, stem];
}

const weak = (message: string) =>
  err<DomainError>({ code: 'WEAK_PASSWORD', message, fieldErrors: { password: [message] } });

/**
 * Checks a new password against the policy (docs/SECURITY.md §3, ASVS 2.1): 12 to 128
 * characters, not a common password, not the user's own email or name. Length counts
 * characters, not bytes, and nothing else is imposed (no "one digit, one capital"), so
 * a long pasted passphrase is welcome.
 *
 * @example
 * checkPasswordPolicy('azerty123456')                   // WEAK_PASSWORD: trop courant
 * checkPasswordPolicy('le chat de la voisine dort au soleil') // ok
 */
export function checkPasswordPolicy(
  password: string,
  personal: readonly string[] = [],
): Result<void, DomainError> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return weak(`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return weak(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);
  }
  const candidates = variants(password);
  if (new Set(candidates[0]).size < 4 || candidates.some((c) => COMMON_PASSWORDS.has(c))) {
    return weak(
      'Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase de plusieurs mots.',
    );
  }
  const own = personal.flatMap((word) => [normalise(word), normalise(word.split('@')[0] ?? '')]);
  if (candidates.some((c) => c.length > 0 && own.includes(c))) {
    return weak('Le mot de passe ne doit pas reprendre votre adresse e-mail ou votre nom.');
  }
  return ok(undefined);
}
