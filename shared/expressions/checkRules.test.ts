import { describe, expect, it } from 'vitest';
import { holidayAidDefinition } from '../testing/holidayAidDefinition.ts';
import { checkRules } from './checkRules.ts';

const today = '2026-12-03';
const valid = {
  naissance: '2018-03-10',
  debut: '2027-07-05',
  fin: '2027-07-19',
  budget: 800,
  montant: 400,
  dateAttestation: '2026-01-15',
};
const check = (data: Record<string, unknown>, day = today) =>
  checkRules(holidayAidDefinition, { ...valid, ...data }, day);

describe('checkRules: the five rules of real procedures, with the admin’s message', () => {
  it('passes valid data', () => {
    expect(check({})).toEqual({});
  });

  it('an end date after a start date', () => {
    expect(check({ fin: '2027-07-01' })).toEqual({
      fin: ['La fin du séjour doit être après son début.'],
    });
    expect(check({ fin: valid.debut })).toHaveProperty('fin');
  });

  it('an amount at most half a budget', () => {
    expect(check({ montant: 400.01 })).toEqual({
      montant: ['L’aide demandée ne peut dépasser la moitié du coût du séjour.'],
    });
  });

  it('a birth date not in the future (and no age message on top)', () => {
    expect(check({ naissance: '2026-12-04' })).toEqual({
      naissance: ['La date de naissance ne peut pas être dans le futur.'],
    });
  });

  it('an age between 2 and 12 on the next 1 September', () => {
    const message = 'L’enfant doit avoir entre 2 et 12 ans à la rentrée scolaire.';
    // Next rentrée seen from December 2026: 1 September 2027.
    expect(check({ naissance: '2014-09-02' })).toEqual({}); // 12 on 2027-09-01
    expect(check({ naissance: '2014-09-01' })).toEqual({ naissance: [message] }); // 13
    expect(check({ naissance: '2025-09-01' })).toEqual({}); // 2
    expect(check({ naissance: '2025-09-02' })).toEqual({ naissance: [message] }); // 1
    // Seen from May 2027, the rentrée is the same 1 September 2027.
    expect(check({ naissance: '2014-09-01' }, '2027-05-01')).toEqual({ naissance: [message] });
  });

  it('a document less than 10 years old', () => {
    expect(check({ dateAttestation: '2016-12-03' })).toEqual({
      dateAttestation: ['L’attestation doit dater de moins de 10 ans.'],
    });
    expect(check({ dateAttestation: '2016-12-04' })).toEqual({});
  });

  it('an empty field fails no rule: that is `required`’s business', () => {
    expect(checkRules(holidayAidDefinition, {}, today)).toEqual({});
  });
});
