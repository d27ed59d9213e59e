import { contrastWithWhite, HEX_COLOUR, MIN_TEXT_CONTRAST } from '../../shared/theme/index.ts';

/** What the theme form says about one colour before anything is sent. */
export type ColourCheck =
  | { kind: 'empty' }
  | { kind: 'malformed' }
  | { kind: 'ok'; ratio: number }
  | { kind: 'low'; ratio: number };

/**
 * Checks a colour typed by the admin against WCAG 2.1 AA under white text, with the same
 * rule as the server (`shared/theme`), so the studio refuses what the server would and
 * says the ratio (docs/SECURITY.md §43, §83).
 *
 * @example
 * checkColour('#1a4d8f') // { kind: 'ok', ratio: … } (over 4.5)
 * checkColour('#ffcc00') // { kind: 'low', ratio: 1.51 }
 */
export function checkColour(value: string): ColourCheck {
  if (value === '') return { kind: 'empty' };
  if (!HEX_COLOUR.test(value)) return { kind: 'malformed' };
  const ratio = contrastWithWhite(value);
  return ratio >= MIN_TEXT_CONTRAST ? { kind: 'ok', ratio } : { kind: 'low', ratio };
}

/** The sentence shown under a colour field, in French. */
export function colourMessage(check: ColourCheck): string {
  switch (check.kind) {
    case 'empty':
      return 'Couleur par défaut du thème.';
    case 'malformed':
      return 'Couleur attendue au format #rrggbb (par exemple #1a4d8f).';
    case 'ok':
      return `Contraste avec le texte blanc : ${formatRatio(check.ratio)}:1 — conforme (4,5:1 au moins).`;
    case 'low':
      return `Contraste avec le texte blanc : ${formatRatio(check.ratio)}:1 — insuffisant (4,5:1 au moins) : choisissez une couleur plus foncée.`;
  }
}

function formatRatio(ratio: number): string {
  return ratio.toFixed(2).replace('.', ',');
}

/** The logo types the server accepts by content (docs/SECURITY.md §42), for the file picker. */
export const LOGO_TYPES = 'image/png,image/jpeg,image/webp';
export const MAX_LOGO_BYTES = 200 * 1024;
