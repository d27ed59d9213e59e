import fastUri from 'fast-uri';
import { describe, expect, it } from 'vitest';
import { equal, resolve } from './uriStandIn.ts';

describe('the URI stand-in RJSF uses in the browser', () => {
  it('resolves references as fast-uri does', () => {
    const cases: Array<[string, string]> = [
      ['https://example.fr/schemas/form.json', '#/$defs/adresse'],
      ['https://example.fr/schemas/form.json', 'adresse.json'],
      ['https://example.fr/schemas/form.json', '../communes.json#/$defs/code'],
      ['https://example.fr/schemas/', 'https://autre.fr/x.json'],
      ['urn:guichet:form', 'urn:guichet:other'],
    ];
    for (const [base, ref] of cases)
      expect(resolve(base, ref), `${base} + ${ref}`).toBe(fastUri.resolve(base, ref));
  });

  it('keeps a relative base relative', () => {
    expect(resolve('schemas/form.json', 'adresse.json')).toBe('schemas/adresse.json');
  });

  it('compares URIs as fast-uri does', () => {
    const cases: Array<[string, string]> = [
      ['https://Example.fr/a.json', 'https://example.fr/a.json'],
      ['https://example.fr:443/a.json', 'https://example.fr/a.json'],
      ['https://example.fr/a.json#', 'https://example.fr/a.json'],
      ['https://example.fr/a.json', 'https://example.fr/b.json'],
      ['form', 'form'],
    ];
    for (const [first, second] of cases) {
      expect(equal(first, second), `${first} = ${second}`).toBe(fastUri.equal(first, second));
    }
  });
});
