import { Context, Liquid, LiquidError } from 'liquidjs';
import type { FormDefinition } from '../../../shared/definition/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import {
  FORM_REGISTER,
  SOURCE_LABELS_REGISTER,
  type SourceLabels,
  TEMPLATE_FILTERS,
} from '../../../shared/templating/index.ts';

/** What a notification or letter template sees (`TEMPLATE_ROOTS` of shared/analysis). */
export interface TemplateContext {
  dossier: Record<string, unknown>;
  data: Record<string, unknown>;
  input: Record<string, unknown>;
  /** The démarche's form, for the `label` filter; never a variable the template sees. */
  form?: FormDefinition;
  /** The labels of the dossier's sourced codes, for `label`; never a variable either. */
  sourceLabels?: SourceLabels;
}

export interface TemplateError {
  code: 'TEMPLATE_ERROR';
  /** liquidjs's message: names the tag or filter, never the data. */
  detail: string;
}

/**
 * One sandboxed engine for every tenant's templates (docs/SECURITY.md §11):
 * - `templates: {}` replaces the file system by an empty in-memory map, so `include`,
 *   `render` and `layout` find nothing, whatever path they name (`/etc/passwd`);
 * - liquid has no code execution, and `ownPropertyOnly` keeps `{{ data.constructor }}`
 *   and other prototype members out of reach;
 * - unknown filters are errors (a typo must not silently drop text), unknown variables
 *   render empty (an optional field left blank is normal);
 * - parse, render-time and memory limits bound a hostile template (a `for` over a huge
 *   range, a string doubled in a loop).
 * Output is not HTML-escaped here: mails are plain text and letters plain text for the
 * PDF; whoever turns the text into HTML escapes all of it (`textToHtml`), template
 * literal text included, since admin-authored text is no more trusted than data.
 */
const engine = new Liquid({
  templates: {},
  relativeReference: false,
  strictVariables: false,
  strictFilters: true,
  ownPropertyOnly: true,
  jsTruthy: false,
  timezoneOffset: 'Europe/Paris',
  locale: 'fr-FR',
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
  cache: 256,
});
// Guichet's French filters (`label`, `date_fr`, `datetime_fr`, `montant`, `liste`): the
// very set the linter knows, from one table in shared/templating.
for (const [name, filter] of Object.entries(TEMPLATE_FILTERS)) engine.registerFilter(name, filter);

/**
 * Renders a liquid template against a dossier's context, or says why it cannot. Errors
 * are values: a broken template is a permanent failure of the effect, not a reason to
 * retry it.
 *
 * @example
 * const subject = await renderTemplate('Votre demande {{ dossier.reference }}', {
 *   dossier: { reference: 'AIDE-2026-000001' }, data: {}, input: {},
 * });
 * // { ok: true, value: 'Votre demande AIDE-2026-000001' }
 */
export async function renderTemplate(
  source: string,
  context: TemplateContext,
): Promise<Result<string, TemplateError>> {
  try {
    const template = engine.parse(source);
    // Spread: liquid must only see these three roots, never the caller's object.
    const scope = { dossier: context.dossier, data: context.data, input: context.input };
    // A context of our own, built from the engine's options (so with its limits), to
    // hand the form to `label` through a register, out of the template's reach.
    const rendering = new Context(scope, engine.options, {}, { liquid: engine });
    rendering.setRegister(FORM_REGISTER, context.form ?? null);
    rendering.setRegister(SOURCE_LABELS_REGISTER, context.sourceLabels ?? null);
    const output: unknown = await engine.render(template, rendering);
    return ok(String(output));
  } catch (error) {
    if (error instanceof LiquidError || error instanceof Error) {
      return err({ code: 'TEMPLATE_ERROR', detail: firstLine(error.message) });
    }
    return err({ code: 'TEMPLATE_ERROR', detail: 'erreur inconnue' });
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
