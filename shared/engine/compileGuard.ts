import type Ajv2020 from 'ajv/dist/2020.js';
import type { JsonSchema } from '../definition/types.ts';
import { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
import type { GuardFailure } from './types.ts';

/** What a guard says about a dossier's data. */
export type GuardVerdict =
  | { kind: 'pass' }
  | { kind: 'fail'; failures: GuardFailure[] }
  /** The guard itself cannot be run: it failed to compile, or threw while checking. */
  | { kind: 'broken' };

export type GuardCheck = (data: Record<string, unknown>) => GuardVerdict;

const PASS: GuardVerdict = { kind: 'pass' };
const BROKEN: GuardVerdict = { kind: 'broken' };

/**
 * Compiles a transition's guard so that it can never throw: a guard stored before
 * publish refused it (a `$ref` looping on itself overflows ajv's stack, at compile or on
 * every check) answers `broken` instead. One broken guard then blocks its own
 * transition, never the reading of the dossier or the other actions (issue 13, item 5).
 *
 * @example
 * compileGuard(ajv, { $ref: '#' })({ revenu: 900 }); // { kind: 'broken' }
 * compileGuard(ajv, { properties: { revenu: { maximum: 1500 } } })({ revenu: 900 }); // { kind: 'pass' }
 */
export function compileGuard(ajv: Ajv2020, schema: JsonSchema): GuardCheck {
  let validate: ReturnType<Ajv2020['compile']>;
  try {
    validate = ajv.compile(schema);
  } catch {
    return () => BROKEN;
  }
  return (data) => {
    try {
      if (validate(data)) return PASS;
      return { kind: 'fail', failures: ajvErrorsToGuardFailures(validate.errors) };
    } catch {
      return BROKEN;
    }
  };
}
