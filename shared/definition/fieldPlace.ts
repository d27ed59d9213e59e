import { pointerSegments } from './jsonPointer.ts';

/**
 * `, champ « adresse.codePostal »` when a place inside an embedded schema is under one of
 * its fields (the names after each `properties`), so the admin knows which field to fix;
 * `''` otherwise.
 *
 * @example
 * fieldPlace('/form/schema', '/form/schema/properties/adresse/properties/codePostal/pattern');
 * // ', champ « adresse.codePostal »'
 */
export function fieldPlace(schemaPointer: string, pointer: string): string {
  const inner = pointerSegments(pointer.slice(schemaPointer.length));
  const names: string[] = [];
  for (let i = 0; i < inner.length - 1; i++) {
    if (inner[i] !== 'properties') continue;
    i++;
    names.push(inner[i]!);
  }
  return names.length === 0 ? '' : `, champ « ${names.join('.')} »`;
}
