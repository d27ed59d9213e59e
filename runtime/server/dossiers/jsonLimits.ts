import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { payloadTooLarge } from './dossierErrors.ts';

/** Deeper than any form needs; deep enough to refuse what would exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Bounds a JSON value a client sent before anything else touches it (docs/SECURITY.md §13):
 * nesting first, checked iteratively because a 1 MB body can nest 500,000 levels and
 * make every recursive walker (JSON.stringify, deep equality, PostgreSQL's jsonb)
 * overflow; then its serialised size. Either refusal writes nothing.
 *
 * @example
 * const bounded = checkJsonLimits(input.data, { what: 'Le formulaire', maxBytes: 1024 * 1024 });
 * if (!bounded.ok) return bounded;
 */
export function checkJsonLimits(
  value: unknown,
  limits: { what: string; maxBytes: number },
): Result<true, DomainError> {
  if (depthExceeds(value, MAX_JSON_DEPTH)) {
    return err({
      code: 'INVALID_DATA',
      message: `${limits.what} est trop imbriqué (${MAX_JSON_DEPTH} niveaux au plus).`,
    });
  }
  if (Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') > limits.maxBytes) {
    return err(payloadTooLarge(limits.what, limits.maxBytes));
  }
  return ok(true);
}

function depthExceeds(root: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
