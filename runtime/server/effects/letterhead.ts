import type { LetterContent } from './letterPdf.ts';
import type { EffectDossier } from './loadEffectDossier.ts';

/**
 * The letterhead of a dossier's letters: the tenant's name, then the address and
 * contact lines its theme holds (`address`, `contact`: text, lines split on new lines),
 * then the démarche's title. Tenants have no address columns yet, so the theme is where
 * an admin can put one.
 *
 * @example
 * letterheadOf(dossier);
 * // { issuer: 'Ville de Lyon', issuerLines: ['1 place de la Comédie'], demarcheTitle: 'Aide sociale' }
 */
export function letterheadOf(
  dossier: Pick<EffectDossier, 'tenantName' | 'tenantTheme' | 'definition'>,
): Pick<LetterContent, 'issuer' | 'issuerLines' | 'demarcheTitle'> {
  const issuerLines = ['address', 'contact']
    .map((key) => dossier.tenantTheme[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .flatMap((value) => value.split('\n').map((line) => line.trim()))
    .filter((line) => line !== '')
    .slice(0, 6);
  return {
    issuer: dossier.tenantName,
    issuerLines,
    demarcheTitle: dossier.definition.meta.title,
  };
}
