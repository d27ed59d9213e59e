import { TEMPLATE_FILTERS } from '../../templating/index.ts';
import { capitalise } from '../support/describe.ts';
import { templatePlaceholders } from '../support/templatePlaceholders.ts';
import { lineNote, templateTexts } from '../support/templateTexts.ts';
import type { LintRule } from '../types.ts';

const OURS = Object.keys(TEMPLATE_FILTERS)
  .map((name) => `« ${name} »`)
  .join(', ');

/**
 * `unknown-template-filter`: a template pipes a value into a filter that neither liquid
 * nor Guichet has (`{{ data.montant | montnat }}`). The renderer refuses unknown filters
 * rather than dropping text, so every such notification or letter would fail.
 *
 * @example
 * // body '{{ data.montant | montnat }}' of letter 0:
 * // { rule: 'unknown-template-filter', pointer: '/letters/0/body', … « montnat » … }
 */
export const unknownTemplateFilter: LintRule = {
  id: 'unknown-template-filter',
  severity: 'error',
  description: 'Un modèle utilise un filtre (après « | ») qui n’existe pas.',
  check(context, report) {
    for (const text of templateTexts(context)) {
      const parsed = templatePlaceholders(text.source);
      if (parsed.ok || parsed.unknownFilter === undefined) continue;
      report(
        text.pointer,
        `${capitalise(text.name)} utilise le filtre « ${parsed.unknownFilter} »${lineNote(text.source, parsed.row)}, qui n’existe pas : vérifiez son orthographe. Filtres propres à Guichet : ${OURS} ; les filtres standard de Liquid (upcase, default…) restent permis.`,
      );
    }
  },
};
