/**
 * A definition document of format version `V`, content not yet validated: what a
 * migration step reads and writes, since a stored definition is checked only after it
 * reached the current format.
 */
export type DefinitionDocument<V extends number> = { version: V } & Record<string, unknown>;
