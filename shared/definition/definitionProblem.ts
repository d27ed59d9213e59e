/**
 * Stable codes of what can be wrong with a definition. Code branches on these; the French
 * `message` is for the functional admin and may be reworded at any time.
 */
export type DefinitionProblemCode =
  /** A property the format requires is missing. */
  | 'SCHEMA_REQUIRED'
  /** A property the format does not know (often a typo: `gard` for `guard`). */
  | 'SCHEMA_ADDITIONAL_PROPERTY'
  | 'SCHEMA_TYPE'
  /** A value outside its allowed list: a role, a state kind, an effect type. */
  | 'SCHEMA_ENUM'
  /** An identifier, prefix or duration that does not have the expected shape. */
  | 'SCHEMA_PATTERN'
  | 'SCHEMA_FORMAT'
  /** Too short, too long, too few or too many items. */
  | 'SCHEMA_LENGTH'
  | 'SCHEMA_INVALID'
  /** Two states, transitions, templates… share an id. */
  | 'DUPLICATE_ID'
  | 'FORM_SCHEMA_INVALID'
  | 'PAGE_SCHEMA_INVALID'
  | 'GUARD_SCHEMA_INVALID'
  | 'INPUT_SCHEMA_INVALID'
  | 'ROUTING_SCHEMA_INVALID'
  /** A `pattern` whose backtracking can explode on citizen input (in the browser). */
  | 'UNSAFE_REGEX'
  /** A `pattern` RE2 cannot run (backreference, lookaround), so the server cannot enforce it. */
  | 'UNSUPPORTED_REGEX'
  /** Past the bounds that keep validation cheap (size, depth, number of fields). */
  | 'TOO_LARGE'
  | 'UNSUPPORTED_VERSION'
  /** An embedded schema written for another JSON Schema dialect than draft 2020-12. */
  | 'DIALECT';

/**
 * One thing wrong with a definition.
 *
 * `pointer` (RFC 6901) names a place that exists in the document, so an editor can
 * highlight it: for a missing property, the object that lacks it (the message names the
 * property); for an unknown property, the property itself.
 */
export interface DefinitionProblem {
  code: DefinitionProblemCode;
  pointer: string;
  message: string;
}
