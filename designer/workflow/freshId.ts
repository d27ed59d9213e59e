/** Longest identifier the format accepts (`#/$defs/identifier`). */
const MAX_LENGTH = 64;

/**
 * An identifier for a new state or transition, made from its French label and unused in
 * `taken`: lower case, accents dropped, words joined by `_`, a numeric suffix when needed.
 * Ids are what dossiers, logs and URLs keep, so they are derived once, at creation.
 *
 * @example
 * freshId('En attente de pièces', ['en_attente_de_pieces']) // 'en_attente_de_pieces_2'
 */
export function freshId(label: string, taken: Iterable<string>, fallback = 'etape'): string {
  const used = new Set(taken);
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  const base = (words || fallback).slice(0, MAX_LENGTH - 4).replace(/_+$/, '');
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}_${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
