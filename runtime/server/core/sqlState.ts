/** SQLSTATE of a unique-key violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether a failed query broke a unique key (optionally a given constraint). postgres.js
 * and PGlite both put `code` and `constraint_name`/`constraint` on their error, which
 * drizzle wraps as `cause`; the chain is walked so either shape is recognised.
 *
 * @example
 * catch (error) { if (isUniqueViolation(error, 'demarches_tenant_slug_key')) return err(...); throw error; }
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (candidate.code === UNIQUE_VIOLATION) {
      const name = candidate.constraint_name ?? candidate.constraint;
      return constraint === undefined || name === constraint;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
