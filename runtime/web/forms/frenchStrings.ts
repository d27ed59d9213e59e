import { TranslatableString } from '@rjsf/utils';

/** RJSF's own strings, in French. Missing ones fall back to a neutral French text. */
const FRENCH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'Élément',
  [TranslatableString.MissingItems]: 'Définition des éléments manquante',
  [TranslatableString.EmptyArray]: 'Aucun élément pour le moment.',
  [TranslatableString.YesLabel]: 'Oui',
  [TranslatableString.NoLabel]: 'Non',
  [TranslatableString.CloseLabel]: 'Fermer',
  [TranslatableString.ErrorsLabel]: 'Erreurs',
  [TranslatableString.NewStringDefault]: 'Nouvelle valeur',
  [TranslatableString.AddButton]: 'Ajouter',
  [TranslatableString.AddItemButton]: 'Ajouter un élément',
  [TranslatableString.CopyButton]: 'Copier',
  [TranslatableString.MoveDownButton]: 'Descendre',
  [TranslatableString.MoveUpButton]: 'Monter',
  [TranslatableString.RemoveButton]: 'Retirer',
  [TranslatableString.NowLabel]: 'Maintenant',
  [TranslatableString.ClearLabel]: 'Effacer',
  [TranslatableString.AriaDateLabel]: 'Choisir une date',
  [TranslatableString.ClearButton]: 'effacer la saisie',
  [TranslatableString.OptionPrefix]: 'Option %1',
  [TranslatableString.TitleOptionPrefix]: '%1 option %2',
  [TranslatableString.UnsupportedField]: 'Ce champ ne peut pas être affiché.',
};

/**
 * RJSF's `translateString` for our forms: its labels in French, `%1`… replaced by the
 * parameters, as RJSF's English translator does.
 *
 * @example
 * frenchStrings(TranslatableString.RemoveButton); // 'Retirer'
 */
export function frenchStrings(key: TranslatableString, params?: string[]): string {
  const text = FRENCH[key] ?? 'Champ';
  return (params ?? []).reduce(
    (result, param, index) => result.replaceAll(`%${index + 1}`, param),
    text,
  );
}
