import type { ErrorObject } from 'ajv';

/**
 * Path segments of the field an ajv error is about.
 *
 * ajv reports `required` (and its cousins) on the parent object; the field the user must
 * fix is the missing property, so it is appended — that is where the form shows it.
 *
 * @example
 * errorLocation({ instancePath: '/adresse', keyword: 'required',
 *   params: { missingProperty: 'codePostal' }, schemaPath: '' });
 * // ['adresse', 'codePostal']
 */
export function errorLocation(error: ErrorObject): string[] {
  const segments =
    error.instancePath === ''
      ? []
      : error.instancePath.slice(1).split('/').map(unescapePointerSegment);
  const child = childProperty(error);
  if (child !== undefined) segments.push(child);
  return segments;
}

/** Escapes one segment for a JSON pointer (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function childProperty(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return asString(params['missingProperty']);
    case 'additionalProperties':
      return asString(params['additionalProperty']);
    case 'unevaluatedProperties':
      return asString(params['unevaluatedProperty']);
    default:
      return undefined;
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
