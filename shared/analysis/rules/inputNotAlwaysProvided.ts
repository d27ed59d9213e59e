import { capitalise, describeTransition, quote } from '../support/describe.ts';
import { inputProviders } from '../support/inputProviders.ts';
import { placeholderText, staticPath } from '../support/placeholderText.ts';
import { templatePlaceholders } from '../support/templatePlaceholders.ts';
import { lineNote, templateTexts } from '../support/templateTexts.ts';
import type { LintRule } from '../types.ts';

/**
 * `input-not-always-provided`: a template reads `{{ input.x }}`, which some transitions
 * sending it ask for and others do not — there it renders empty (a refusal letter with a
 * blank reason, say). When none asks for it, `unknown-field` reports an error instead.
 *
 * @example
 * // letter 'refus' reads {{ input.motif }}; 'refuser' asks for motif, timer 'expirer' does not:
 * // { rule: 'input-not-always-provided', pointer: '/letters/1/body', … }
 */
export const inputNotAlwaysProvided: LintRule = {
  id: 'input-not-always-provided',
  severity: 'warning',
  description:
    'Un modèle lit une saisie que certaines des transitions qui l’utilisent ne demandent pas.',
  check(context, report) {
    for (const text of templateTexts(context)) {
      const parsed = templatePlaceholders(text.source);
      if (!parsed.ok) continue;
      const seen = new Set<string>();
      for (const placeholder of parsed.placeholders) {
        const path = staticPath(placeholder.segments);
        if (placeholder.segments[0] !== 'input' || path.length === 0) continue;
        const { providing, lacking } = inputProviders(context, text, path);
        const key = path.join('.');
        if (providing.length === 0 || lacking.length === 0 || seen.has(key)) continue;
        if (handlesAbsence(text.source, key)) continue;
        seen.add(key);
        report(
          text.pointer,
          `${capitalise(text.name)} utilise ${placeholderText(placeholder.segments)}${lineNote(text.source, placeholder.row)}, qui restera vide quand il est envoyé par ${lacking.map(describeTransition).join(', ')} : ${lacking.length > 1 ? 'elles ne demandent' : 'elle ne demande'} pas ${quote(key)}. Prévoyez ce cas ({% if input.${key} %}…{% endif %} ou {{ input.${key} | default: "…" }}), ou un modèle distinct.`,
        );
      }
    }
  },
};

// The admin already wrote for the empty case: a condition on the input, or a default.
function handlesAbsence(source: string, key: string): boolean {
  const name = `input\\.${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`;
  return (
    new RegExp(`\\{%-?\\s*(?:if|unless|elsif|case)\\b[^%]*${name}`).test(source) ||
    new RegExp(`${name}\\s*\\|\\s*default\\b`).test(source)
  );
}
