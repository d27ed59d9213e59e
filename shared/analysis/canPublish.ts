import type { Diagnostic } from './types.ts';

/**
 * Whether a definition with these diagnostics may be published: errors block, warnings
 * are the admin's call.
 *
 * @example
 * canPublish(lintDefinition(definition)); // true when no diagnostic is an error
 */
export function canPublish(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((diagnostic) => diagnostic.severity !== 'error');
}
