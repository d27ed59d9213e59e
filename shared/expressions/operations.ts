import { dateOperations } from './dateOperations.ts';
import { logicOperations } from './logicOperations.ts';
import { numberOperations } from './numberOperations.ts';
import type { Operation } from './operation.ts';

/** Every operation an expression may name; anything else is `UNKNOWN_OPERATION`. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  ...logicOperations,
  ...numberOperations,
  ...dateOperations,
};

/** The operation called `name`, own properties only (`constructor` is no operation). */
export function operationNamed(name: string): Operation | undefined {
  return Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
}
