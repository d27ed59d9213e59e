import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';

/** The value of a result the test expects to succeed; the error is shown otherwise. */
export function expectOk<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a result the test expects to fail. */
export function expectErr<T>(result: Result<T, DomainError>): DomainError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}
