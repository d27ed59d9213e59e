/**
 * Bounds that keep validating a definition, and later the dossiers it describes, cheap
 * whatever an admin (or an attacker with an admin's session) submits. docs/SECURITY.md §13.
 */
export const DEFINITION_LIMITS = {
  /** Approximate size of the JSON text, in characters. */
  maxSize: 1_000_000,
  /** Values (objects, arrays, strings, numbers…) in the whole document. */
  maxValues: 100_000,
  /** JSON nesting of the whole document. */
  maxDepth: 64,
  /** Subschema nesting inside one embedded schema. */
  maxSchemaDepth: 32,
  /** Property declarations (at every level) in one embedded schema: form fields. */
  maxFields: 2_000,
} as const;
