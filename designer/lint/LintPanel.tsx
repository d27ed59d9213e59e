import { memo } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type LintTarget, lintTarget } from './lintTarget.ts';
import type { LintItem } from './studioLint.ts';

/**
 * The live list of problems, errors first; each one names the field, state or
 * transition it is about and opens it. A polite live region says how many remain, so a
 * screen-reader user hears a fix land without the list being read again. Memoised: it
 * follows the checks, which run once typing pauses, not each keystroke.
 */
export const LintPanel = memo(function LintPanel({
  items,
  definition,
  onOpen,
}: {
  items: readonly LintItem[];
  definition: DemarcheDefinition;
  onOpen: (target: LintTarget) => void;
}) {
  const errors = items.filter((item) => item.severity === 'error').length;
  const warnings = items.length - errors;
  return (
    <section
      className="panneau-verification"
      aria-labelledby="titre-verification"
      id="verification"
    >
      <h2 id="titre-verification">Vérifications</h2>
      <p role="status" aria-live="polite">
        {items.length === 0
          ? 'Aucun problème : la démarche peut être publiée.'
          : `${errors} erreur(s) bloquant la publication, ${warnings} avertissement(s).`}
      </p>
      <ul className="liste-problemes">
        {items.map((item) => {
          const target = lintTarget(item.pointer, definition);
          return (
            <li
              key={item.key}
              className={item.severity === 'error' ? 'probleme-erreur' : 'probleme-avertissement'}
            >
              <span className="gravite">
                {item.severity === 'error' ? 'Erreur' : 'Avertissement'}
              </span>{' '}
              <button type="button" className="lien-bouton" onClick={() => onOpen(target)}>
                {target.label}
              </button>
              <p>{item.message}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
