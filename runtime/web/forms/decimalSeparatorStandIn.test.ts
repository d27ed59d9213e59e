import { getDecimalSeparator as rjsfDecimalSeparator } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import getDecimalSeparator from './decimalSeparatorStandIn.ts';

describe('the decimal separator RJSF asks in the browser', () => {
  it('answers as @rjsf/utils does, for any list of locales', () => {
    const cases: Array<string | string[] | undefined> = [
      'fr-FR',
      ['fr-FR', 'en-US'],
      'en-US',
      ['de-DE'],
      'pas une langue !',
      [],
      undefined,
    ];
    for (const locales of cases) {
      expect(getDecimalSeparator(locales), JSON.stringify(locales)).toBe(
        rjsfDecimalSeparator(locales as string[]),
      );
      // Asked again: the answer kept, the same.
      expect(getDecimalSeparator(locales)).toBe(rjsfDecimalSeparator(locales as string[]));
    }
  });

  it('builds one number format per list of locales, however often it is asked', () => {
    const NumberFormat = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = class extends NumberFormat {
      constructor(...args: ConstructorParameters<typeof NumberFormat>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.NumberFormat;
    const answers = new Set<string>();
    try {
      for (let i = 0; i < 100; i++) answers.add(getDecimalSeparator(['it-IT', 'fr-FR']));
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
    expect([...answers]).toEqual([',']);
    expect(built).toBe(1);
  });
});
