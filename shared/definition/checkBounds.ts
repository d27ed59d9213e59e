import { DEFINITION_LIMITS } from './definitionLimits.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import { pointerTo } from './jsonPointer.ts';

const numbers = new Intl.NumberFormat('fr-FR');

/**
 * Refuses a document too big or too deep to validate cheaply, before anything else looks
 * at it. One iterative pass (no recursion a hostile nesting could overflow; a cycle, which
 * no JSON can hold, shows up as too deep) that stops at the first bound crossed.
 *
 * @example
 * checkBounds(socialAidDefinition); // null
 * checkBounds({ a: nest(100) });    // { code: 'TOO_LARGE', pointer: '/a/a/a/…', … }
 */
export function checkBounds(json: unknown): DefinitionProblem | null {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [
    { value: json, pointer: '', depth: 0 },
  ];
  let values = 0;
  let size = 0;
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop()!;
    values++;
    if (depth > DEFINITION_LIMITS.maxDepth) {
      return tooLarge(
        pointer,
        `La définition est imbriquée trop profondément à cet endroit (plus de ${DEFINITION_LIMITS.maxDepth} niveaux).`,
      );
    }
    if (typeof value === 'string') size += value.length + 2;
    else if (typeof value === 'object' && value !== null) {
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
      size += 2;
      for (const [key, child] of entries) {
        size += Array.isArray(value) ? 1 : String(key).length + 4;
        stack.push({ value: child, pointer: pointerTo(pointer, key), depth: depth + 1 });
        if (values + stack.length > DEFINITION_LIMITS.maxValues) return tooManyValues();
      }
    } else size += String(value).length;
    if (size > DEFINITION_LIMITS.maxSize) {
      return tooLarge(
        '',
        `La définition est trop volumineuse (plus de ${numbers.format(DEFINITION_LIMITS.maxSize)} caractères).`,
      );
    }
  }
  return null;
}

function tooManyValues(): DefinitionProblem {
  const limit = numbers.format(DEFINITION_LIMITS.maxValues);
  return tooLarge('', `La définition contient trop d’éléments (plus de ${limit}).`);
}

function tooLarge(pointer: string, message: string): DefinitionProblem {
  return { code: 'TOO_LARGE', pointer, message };
}
