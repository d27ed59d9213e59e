import type { ErrorSchema } from '@rjsf/utils';
import type { ErrorObject } from 'ajv';
// The files themselves, not shared/form's index: that one also builds ajv's compiler,
// which must never reach the citizen's bundle.
import { errorFieldPath } from '../../../shared/form/errorFieldPath.ts';
import { fieldErrorMessage } from '../../../shared/form/fieldErrorMessage.ts';

/** A precompiled validation function, as ajv's standalone code exports them. */
export type ValidateFunction = ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
};

/** One problem of a page, where the error summary links and the field shows it. */
export interface PageError {
  /** Field path (`['enfants', 0, 'nom']`). */
  path: Array<string | number>;
  /** The id RJSF gives the field's input (`root_enfants_0_nom`). */
  inputId: string;
  message: string;
}

/**
 * Runs a form's precompiled root validator over the whole answers and keeps the
 * problems of `fields` (the current step), in French, once each. The answers of other
 * steps are validated but not shown: they are not this step's business.
 *
 * @example
 * pageErrors(validate, { nom: '' }, ['nom', 'prenom']);
 * // [{ path: ['nom'], inputId: 'root_nom', message: 'Ce champ ne doit pas être vide.' }, …]
 */
export function pageErrors(
  validate: ValidateFunction,
  data: Record<string, unknown>,
  fields: readonly string[],
): PageError[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const errors: PageError[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if') continue;
    const path = errorFieldPath(error).map((segment) =>
      /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment,
    );
    if (path.length === 0 || !fields.includes(String(path[0]))) continue;
    const message = fieldErrorMessage(error);
    const key = `${path.join('/')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path, inputId: ['root', ...path].join('_'), message });
  }
  return errors;
}

/**
 * The same problems as RJSF's `extraErrors` tree, so each message lands beside its field.
 *
 * @example
 * toErrorSchema([{ path: ['nom'], … message: 'Ce champ est obligatoire.' }]);
 * // { nom: { __errors: ['Ce champ est obligatoire.'] } }
 */
export function toErrorSchema(errors: readonly PageError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const segment of error.path) {
      const key = String(segment);
      const child = (node[key] as Record<string, unknown> | undefined) ?? {};
      node[key] = child;
      node = child;
    }
    const list = Array.isArray(node['__errors']) ? (node['__errors'] as string[]) : [];
    list.push(error.message);
    node['__errors'] = list;
  }
  return root as ErrorSchema;
}
