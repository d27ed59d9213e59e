import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { lintTarget } from '../lint/lintTarget.ts';

/** One line of a version diff as the server gives it (`demarches.diff`). */
export interface DiffChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  path: string;
  fromPath?: string;
  before?: unknown;
  after?: unknown;
}

export interface ReadableChange {
  /** What the change is about, as the admin named it: « Champ « Nom » », « État « Déposé » »… */
  subject: string;
  /** What happened, in French. */
  text: string;
}

const VERBS = {
  added: 'ajout',
  removed: 'suppression',
  changed: 'modification',
  moved: 'déplacement',
} as const;

/**
 * A diff line in words: the field, section, state or transition it touches (named from
 * the newer document, or the older one for a removal), what happened, and the values
 * before and after when they are short.
 *
 * @example
 * describeChange({ kind: 'changed', path: '/form/schema/properties/nom/title', before: 'Nom', after: 'Nom de famille' }, draft);
 * // { subject: 'Champ « Nom de famille »', text: 'modification de title : « Nom » → « Nom de famille »' }
 */
export function describeChange(
  change: DiffChange,
  newer: DemarcheDefinition,
  older: DemarcheDefinition | null,
): ReadableChange {
  const document = change.kind === 'removed' && older ? older : newer;
  if (/^\/form\/uiSchema\/ui:order(\/|$)/.test(change.path)) {
    return { subject: 'Ordre des champs', text: 'modifié' };
  }
  const target = lintTarget(change.path, document);
  if (/^\/form\/sections\/\d+\/fields(\/|$)/.test(change.path)) {
    return { subject: target.label, text: 'liste de ses champs modifiée' };
  }
  if (/^\/form\/uiSchema\/[^/]+$/.test(change.path)) {
    return { subject: target.label, text: `${VERBS[change.kind]} de sa présentation` };
  }
  const last = change.path.split('/').at(-1) ?? '';
  const what = isWhole(change.path) ? VERBS[change.kind] : `${VERBS[change.kind]} de ${last}`;
  const values =
    change.kind === 'changed' && isShort(change.before) && isShort(change.after)
      ? ` : ${quote(change.before)} → ${quote(change.after)}`
      : change.kind === 'added' && isShort(change.after)
        ? ` : ${quote(change.after)}`
        : '';
  return { subject: target.label, text: `${what}${values}` };
}

/** A path naming a whole field, section, state or transition rather than one of its properties. */
function isWhole(path: string): boolean {
  return /^\/(form\/schema\/properties\/[^/]+|form\/sections\/\d+|workflow\/(states|transitions)\/\d+)$/.test(
    path,
  );
}

function isShort(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value) && String(value).length <= 80;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `« ${value} »` : String(value);
}
