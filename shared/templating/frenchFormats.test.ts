import { describe, expect, it } from 'vitest';
import { dateFr, dateTimeFr, liste, montant } from './frenchFormats.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French formats', () => {
  it('writes a form date as that calendar day, the first with « er »', () => {
    expect(dateFr('2026-12-15')).toBe('15 décembre 2026');
    expect(dateFr('2027-03-01')).toBe('1er mars 2027');
  });

  it('writes an instant as its day in Paris', () => {
    expect(dateFr('2026-12-31T23:30:00.000Z')).toBe('1er janvier 2027');
    expect(dateFr(new Date('2026-07-14T10:00:00Z'))).toBe('14 juillet 2026');
  });

  it('writes a date and time in Paris, minutes only when there are some', () => {
    expect(dateTimeFr('2026-12-15T09:00:00Z')).toBe('15 décembre 2026 à 10 h');
    expect(dateTimeFr('2026-12-15T09:30:00Z')).toBe('15 décembre 2026 à 10 h 30');
    expect(dateTimeFr('2026-07-14T06:05:00Z')).toBe('14 juillet 2026 à 8 h 05');
    expect(dateTimeFr('2026-12-15')).toBe('15 décembre 2026');
  });

  it('writes amounts in euros with the no-break spaces of fr-FR', () => {
    expect(montant(45000)).toBe(`45${NNBSP}000,00${NBSP}€`);
    expect(montant('1234.5')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(montant(0)).toBe(`0,00${NBSP}€`);
  });

  it('joins lists with commas and « et »', () => {
    expect(liste(['a', 'b', 'c'])).toBe('a, b et c');
    expect(liste(['loyer', 'eau'])).toBe('loyer et eau');
    expect(liste(['seul'])).toBe('seul');
    expect(liste([])).toBe('');
  });

  it('gives back what it cannot format as text, blank for nothing', () => {
    expect(dateFr('bientôt')).toBe('bientôt');
    expect(dateTimeFr(undefined)).toBe('');
    expect(montant('beaucoup')).toBe('beaucoup');
    expect(montant(null)).toBe('');
    expect(liste('un seul')).toBe('un seul');
  });
});
