import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { digitSum, passesLuhn } from './luhn.ts';

/** The SIREN of La Poste: its establishments' SIRET do not follow Luhn (see `isSiret`). */
const LA_POSTE_SIREN = '356000000';

/** Digits with one space, dot or dash at most between two: how citizens type numbers. */
const SEPARATED_DIGITS = /^\+?\d(?:[ .-]?\d)*$/;

/**
 * Postcode prefixes: metropolitan départements 01–95 (Corsica keeps 20 in postcodes),
 * overseas 971–976, and the 98x of Monaco (980, French postal system), the TAAF (984),
 * Wallis-et-Futuna (986), Polynésie (987) and Nouvelle-Calédonie (988).
 */
const POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|98[04678])\d+$/;

/** INSEE commune codes: département (01–19, 21–95, 2A, 2B, 971–976) then commune number. */
const INSEE_COMMUNE = /^(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|97[1-6]\d{2})$/;

/** SIREN: 9 digits, Luhn key. */
export function isSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && passesLuhn(value);
}

/**
 * SIRET: 14 digits (SIREN + establishment number), Luhn key — except La Poste, whose
 * thousands of establishments share SIREN 356000000 and are keyed by a digit sum that is a
 * multiple of 5 (the INSEE rule), the head office 35600000000048 passing both.
 */
export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && digitSum(value) % 5 === 0) return true;
  return passesLuhn(value);
}

/** IBAN of any country (ISO 13616 structure and mod-97 key), spaces allowed, any case. */
export function isIban(value: string): boolean {
  const compact = electronicFormatIBAN(value);
  return compact !== null && isValidIBAN(compact);
}

/** BIC (ISO 9362): 8 or 11 characters, a known country code. */
export function isBic(value: string): boolean {
  return isValidBIC(value);
}

/** French postcode: 5 digits under a département or overseas prefix. */
export function isCodePostal(value: string): boolean {
  return value.length === 5 && /^\d{5}$/.test(value) && POSTCODE.test(value);
}

/**
 * French phone number: ten digits starting `01`–`09` (landlines 01–05 and 09, mobiles 06
 * and 07, special numbers 08), or `+33` then the nine digits without the 0; spaces, dots
 * or dashes between digits as people write them (`06 12 34 56 78`, `0 800 123 456`).
 */
export function isTelephoneFr(value: string): boolean {
  if (!SEPARATED_DIGITS.test(value)) return false;
  return /^(?:0|\+33)[1-9]\d{8}$/.test(value.replace(/[ .-]/g, ''));
}

/** INSEE code of a commune: 5 characters, its département then its number (not 000). */
export function isCodeCommuneInsee(value: string): boolean {
  return INSEE_COMMUNE.test(value) && !value.endsWith(value.startsWith('97') ? '00' : '000');
}

/**
 * The French identifier formats of the form dialect, as ajv format validators (plain
 * functions and regexes, no code generation: the browser's CSP forbids `new Function`).
 * Their French messages are in `fieldErrorMessage`.
 *
 * @example
 * ajv.compile({ type: 'string', format: 'siret' })('73282932000074'); // true
 */
export const frenchFormats = {
  siren: isSiren,
  siret: isSiret,
  iban: isIban,
  bic: isBic,
  'code-postal': isCodePostal,
  'telephone-fr': isTelephoneFr,
  'code-commune-insee': isCodeCommuneInsee,
} as const satisfies Readonly<Record<string, (value: string) => boolean>>;

/** The names of the French formats, for documentation and the studio. */
export const FRENCH_FORMAT_NAMES = Object.keys(frenchFormats) as ReadonlyArray<
  keyof typeof frenchFormats
>;
