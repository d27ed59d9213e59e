import { Context, Liquid } from 'liquidjs';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { FORM_REGISTER, TEMPLATE_FILTERS } from '../../shared/templating/index.ts';
import type { SimulatedStepOutcome } from './replaySimulation.ts';

/** A mail the runtime would send after a simulated step, rendered, or why it cannot be. */
export type RenderedMail =
  | { template: string; subject: string; body: string }
  | { template: string; problem: string };

/**
 * The same sandbox as the server's `renderTemplate` (runtime/server/effects): no file
 * system, own properties only, strict filters, bounded parse and render. Plain text out:
 * the studio shows it as text, never as HTML.
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
});
for (const [name, filter] of Object.entries(TEMPLATE_FILTERS)) engine.registerFilter(name, filter);

/**
 * Renders the mails (`notify` effects) of one simulated step against the dossier it
 * reached, as the citizen or agent would receive them.
 *
 * @example
 * await renderSimulatedMails(definition, outcome, {});
 * // [{ template: 'accuse-reception', subject: 'Votre demande SIMULATION a bien été reçue', body: '…' }]
 */
export async function renderSimulatedMails(
  definition: DemarcheDefinition,
  outcome: SimulatedStepOutcome,
): Promise<RenderedMail[]> {
  const mails: RenderedMail[] = [];
  for (const effect of outcome.effects) {
    if (effect.type !== 'notify' || effect.template === undefined) continue;
    const template = definition.notifications?.find(
      (candidate) => candidate.id === effect.template,
    );
    if (!template) {
      mails.push({ template: effect.template, problem: 'Modèle de message introuvable.' });
      continue;
    }
    const scope = {
      dossier: {
        reference: outcome.dossier.reference,
        state: outcome.dossier.state,
        createdAt: outcome.dossier.createdAt,
      },
      data: outcome.dossier.data,
      input: outcome.input ?? {},
    };
    try {
      mails.push({
        template: template.id,
        subject: await render(template.subject, scope, definition),
        body: await render(template.body, scope, definition),
      });
    } catch (error) {
      mails.push({
        template: template.id,
        problem: `Le modèle ne peut pas être rendu : ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  return mails;
}

async function render(
  source: string,
  scope: Record<string, unknown>,
  definition: DemarcheDefinition,
): Promise<string> {
  const context = new Context(scope, engine.options, {}, { liquid: engine });
  context.setRegister(FORM_REGISTER, definition.form);
  return String(await engine.render(engine.parse(source), context));
}
