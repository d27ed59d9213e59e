import type { DiagnosticsOptions } from 'monaco-editor/languages/features/json/register.js';
import { definitionSchema } from '../../shared/definition/index.ts';

/** The JSON tab's one model: its file name is what the schema below is matched on. */
export const DEFINITION_MODEL_FILE = 'guichet-demarche.json';

/**
 * The JSON language service's settings for the definition: the format's own JSON Schema
 * (`shared/definition`, the one the server validates with) gives completion, hover help
 * and errors; schema problems are errors, so a document with one is never dispatched;
 * nothing is ever fetched (the schema refers only to itself).
 *
 * @example
 * monaco.json.jsonDefaults.setDiagnosticsOptions(definitionDiagnosticsOptions());
 */
export function definitionDiagnosticsOptions(): DiagnosticsOptions {
  return {
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemaRequest: 'error',
    trailingCommas: 'error',
    comments: 'error',
    schemas: [
      {
        uri: definitionSchema.$id,
        fileMatch: [DEFINITION_MODEL_FILE],
        schema: structuredClone(definitionSchema) as unknown as Record<string, unknown>,
      },
    ],
  };
}
