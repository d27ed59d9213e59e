import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvErrorsToFieldErrors } from './ajvErrorsToFieldErrors.ts';
import { createFormAjv } from './createFormAjv.ts';
import {
  isBic,
  isCodeCommuneInsee,
  isCodePostal,
  isIban,
  isSiren,
  isSiret,
  isTelephoneFr,
} from './frenchFormats.ts';
import { luhnSum } from './luhn.ts';

/** `body` followed by the digit that makes its Luhn sum a multiple of 10. */
function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key += 1) {
    if (luhnSum(`${body}${key}`) % 10 === 0) return `${body}${key}`;
  }
  throw new Error('unreachable: one key digit always fits');
}

/** A French IBAN over a numeric BBAN, with its RIB key and its ISO 13616 check digits. */
function frenchIban(bank: string, branch: string, account: string): string {
  const rib = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(rib).padStart(2, '0')}`;
  const check = 98n - (BigInt(`${bban}152700`) % 97n); // FR = 15 27, then 00
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

/** `value` with the digit at `index` replaced by another digit (`shift` 1–9 further). */
function changeDigit(value: string, index: number, shift: number): string {
  const digit = (Number(value[index]) + shift) % 10;
  return `${value.slice(0, index)}${digit}${value.slice(index + 1)}`;
}

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

describe('SIREN and SIRET', () => {
  it('accepts real numbers and refuses wrong lengths and letters', () => {
    expect(isSiren('732829320')).toBe(true);
    expect(isSiret('73282932000074')).toBe(true);
    expect(isSiren('73282932')).toBe(false);
    expect(isSiret('7328293200007A')).toBe(false);
    expect(isSiret('732 829 320 00074')).toBe(false);
  });

  it('accepts every generated number with its Luhn key, refuses it with one digit changed', () => {
    fc.assert(
      fc.property(digits(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (body, index, shift) => {
        const siren = withLuhnKey(body);
        expect(isSiren(siren)).toBe(true);
        expect(isSiren(changeDigit(siren, index, shift))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(digits(13), fc.nat(13), fc.integer({ min: 1, max: 9 }), (body, index, shift) => {
        fc.pre(!body.startsWith('356000000'));
        const siret = withLuhnKey(body);
        expect(isSiret(siret)).toBe(true);
        const changed = changeDigit(siret, index, shift);
        fc.pre(!changed.startsWith('356000000'));
        expect(isSiret(changed)).toBe(false);
      }),
    );
  });

  it('accepts La Poste establishments keyed by a digit sum multiple of 5, not Luhn', () => {
    expect(isSiret('35600000000048')).toBe(true); // head office
    expect(isSiret('35600000049837')).toBe(true); // digit sum 45, fails Luhn
    expect(isSiret('35600000049838')).toBe(false); // digit sum 46
  });
});

describe('IBAN and BIC', () => {
  it('accepts IBANs with spaces or in lower case, refuses a wrong key', () => {
    expect(isIban('FR7630006000011234567890189')).toBe(true);
    expect(isIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isIban('de89370400440532013000')).toBe(true);
    expect(isIban('FR7630006000011234567890188')).toBe(false);
    expect(isIban('FR76')).toBe(false);
  });

  it('accepts every generated French IBAN, refuses it with one digit changed', () => {
    fc.assert(
      fc.property(
        digits(5),
        digits(5),
        digits(11),
        fc.integer({ min: 4, max: 26 }),
        fc.integer({ min: 1, max: 9 }),
        (bank, branch, account, index, shift) => {
          const iban = frenchIban(bank, branch, account);
          expect(isIban(iban)).toBe(true);
          expect(isIban(changeDigit(iban, index, shift))).toBe(false);
        },
      ),
    );
  });

  it('accepts 8- and 11-character BICs of known countries', () => {
    expect(isBic('BNPAFRPP')).toBe(true);
    expect(isBic('BNPAFRPPXXX')).toBe(true);
    expect(isBic('BNPAXXPP')).toBe(false);
    expect(isBic('BNPAFRP')).toBe(false);
  });
});

describe('postcodes, communes and phone numbers', () => {
  it('code-postal: département prefixes, Corsica as 20, overseas 97x and 98x', () => {
    for (const ok of [
      '75001',
      '01000',
      '20000',
      '20200',
      '95000',
      '97400',
      '97600',
      '98000',
      '98800',
    ]) {
      expect(isCodePostal(ok), ok).toBe(true);
    }
    for (const bad of ['00100', '96000', '97700', '98100', '2A004', '7500', '750011', ' 75001']) {
      expect(isCodePostal(bad), bad).toBe(false);
    }
  });

  it('code-commune-insee: 2A/2B not 20, overseas 971–976, never commune 000', () => {
    for (const ok of ['75056', '2A004', '2B033', '01001', '97411', '97608']) {
      expect(isCodeCommuneInsee(ok), ok).toBe(true);
    }
    for (const bad of ['20004', '00001', '96001', '97701', '75000', '97400', '2C004', '7505']) {
      expect(isCodeCommuneInsee(bad), bad).toBe(false);
    }
  });

  it('telephone-fr: landlines, mobiles, 08 numbers, +33, common separators', () => {
    for (const ok of [
      '0123456789',
      '01 23 45 67 89',
      '06.12.34.56.78',
      '07-12-34-56-78',
      '0 800 123 456',
      '+33 6 12 34 56 78',
      '+33612345678',
    ]) {
      expect(isTelephoneFr(ok), ok).toBe(true);
    }
    for (const bad of [
      '0023456789',
      '012345678',
      '01234567890',
      '+330612345678',
      '06  12 34 56 78',
      '06/12/34/56/78',
      '+44 20 7946 0958',
    ]) {
      expect(isTelephoneFr(bad), bad).toBe(false);
    }
  });
});

describe('the formats in the form dialect', () => {
  it('are known to createFormAjv, and a wrong value gets its French message on its field', () => {
    const validate = createFormAjv().compile({
      type: 'object',
      properties: {
        siret: { type: 'string', format: 'siret' },
        iban: { type: 'string', format: 'iban' },
        telephone: { type: 'string', format: 'telephone-fr' },
      },
    });
    expect(
      validate({
        siret: '73282932000074',
        iban: 'FR7630006000011234567890189',
        telephone: '0612345678',
      }),
    ).toBe(true);
    expect(validate({ siret: '73282932000075', iban: 'FR00', telephone: '12' })).toBe(false);
    expect(ajvErrorsToFieldErrors(validate.errors)).toEqual({
      siret: ['Le numéro SIRET n’est pas valide (14 chiffres, clé de contrôle comprise).'],
      iban: ['L’IBAN n’est pas valide (vérifiez le code pays et la clé).'],
      telephone: [
        'Le numéro de téléphone n’est pas valide (10 chiffres commençant par 0, ou +33).',
      ],
    });
  });
});
