import { fileURLToPath } from 'node:url';
import type { RJSFSchema } from '@rjsf/utils';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import Ajv2020 from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { build } from 'esbuild';
import type { JsonSchema } from '../../../shared/definition/index.ts';
import { addFormDialect, FORM_AJV_OPTIONS } from '../../../shared/form/index.ts';

/** The repository's root: the generated code's `require`s resolve from there. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The formats module the generated code names. ajv's standalone code refers to each
 * format as `<this>["siret"]`; esbuild then bundles the module, so the browser runs the
 * very functions the server validates with.
 */
const FORMATS_CODE = _`require("./shared/form/standaloneFormats.ts").standaloneFormats`;

/**
 * Compiles a published form's validators into one self-contained ES module, so the
 * citizen's browser validates without compiling anything (no `new Function`, the CSP
 * holds: docs/SECURITY.md §60). RJSF's `compileSchemaValidatorsCode` writes ajv standalone
 * code for the root schema and every sub-schema RJSF asks `isValid` about (conditions,
 * `oneOf` options), keyed as RJSF keys them (`hashForSchema`), with the server's own
 * dialect (`FORM_AJV_OPTIONS`: RE2 patterns, French formats, `x-file`). esbuild then
 * inlines what that code `require`s (ajv's runtime helpers, the formats, re2js).
 *
 * @example
 * const source = await compileValidatorModule(definition.form.schema);
 * // 'var …; export default { "-78b41c79": validate21, … };'
 */
export async function compileValidatorModule(schema: JsonSchema): Promise<string> {
  const code = compileSchemaValidatorsCode(schema as RJSFSchema, {
    // The RJSF signature wants its own Ajv class type; ours is ajv's 2020 build.
    AjvClass: Ajv2020 as never,
    ajvOptionsOverrides: {
      ...FORM_AJV_OPTIONS,
      code: { ...FORM_AJV_OPTIONS.code, lines: false, formats: FORMATS_CODE },
    },
    extenderFn: addFormDialect as never,
  });
  const bundled = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js', sourcefile: 'validators.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const output = bundled.outputFiles[0];
  if (!output) throw new Error('guichet: esbuild wrote no validator module');
  return output.text;
}
