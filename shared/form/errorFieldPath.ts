import type { ErrorObject } from 'ajv';

/**
 * Path segments of the field an ajv error is about, from the data root.
 *
 * ajv reports `required` (and its cousins) on the parent object; the field to fix is the
 * missing property, so it is appended: that is where a form shows the message.
 *
 * @example
 * errorFieldPath({ keyword: 'required', instancePath: '/adresse', schemaPath: '',
 *   params: { missingProperty: 'codePostal' } }); // ['adresse', 'codePostal']
 */
export function errorFieldPath(error: ErrorObject): string[] {
  const segments =
    error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapeSegment);
  const child = childProperty(error);
  if (child !== undefined) segments.push(child);
  return segments;
}

/** RFC 6901: `~1` is `/` and `~0` is `~`, in that order. */
function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function childProperty(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  let child: unknown;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      child = params['missingProperty'];
      break;
    case 'additionalProperties':
      child = params['additionalProperty'];
      break;
    case 'unevaluatedProperties':
      child = params['unevaluatedProperty'];
      break;
  }
  return typeof child === 'string' ? child : undefined;
}
