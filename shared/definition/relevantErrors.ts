import type { ErrorObject } from 'ajv';

/**
 * Keeps the ajv errors worth showing an admin. With `allErrors`, a failed `anyOf` comes
 * with the errors of every branch: for `from: "depose"`, « must be array », « must be
 * equal to "*" » and « must match a schema in anyOf ». Branch errors on the value itself
 * only say which shape it is not, so they go; errors deeper in the value come from the
 * branch whose shape it has, and say precisely what is wrong, so they stay and the `anyOf`
 * error goes. (Branches are told apart by place, not by `schemaPath`, which restarts at
 * every `$ref`.) `if` errors only repeat the `then` error beneath them.
 *
 * @example
 * relevantErrors(validate.errors ?? []); // for `from: "depose"`: the anyOf error alone
 */
export function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((error) => error.keyword !== 'if');
  for (const alternative of kept.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const at = alternative.instancePath;
    const branchPrefix = `${alternative.schemaPath}/`;
    const deeper = kept.some((error) => error.instancePath.startsWith(`${at}/`));
    kept = kept.filter((error) => {
      if (error === alternative) return !deeper;
      return !(error.instancePath === at && error.schemaPath.startsWith(branchPrefix));
    });
  }
  return kept;
}
