import type { JsonSchema } from '../../shared/definition/index.ts';

/** What the palette offers. Sections are outline headings, not fields (see `formOutline`). */
export type FieldKind =
  | 'shortText'
  | 'longText'
  | 'number'
  | 'amount'
  | 'date'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'siret'
  | 'iban'
  | 'yesNo'
  | 'singleChoice'
  | 'multipleChoice'
  | 'file'
  | 'group'
  | 'explanation'
  | 'computed';

export interface FieldKindInfo {
  kind: FieldKind;
  /** The palette's button text, in French. */
  label: string;
  /** The label a new field of this kind starts with. */
  defaultTitle: string;
  /** The property name a new field starts from (made unique with a number). */
  baseName: string;
  /** A new field's schema and UI entry. */
  create: (title: string) => { schema: Record<string, unknown>; ui: Record<string, unknown> };
}

const choices = [
  { const: 'choix-1', title: 'Choix 1' },
  { const: 'choix-2', title: 'Choix 2' },
];

const text =
  (format?: string, maxLength = 200) =>
  (title: string) => ({
    schema: { type: 'string', title, maxLength, ...(format ? { format } : {}) },
    ui: {},
  });

/**
 * The palette, in the order shown. Each kind writes plain JSON Schema (draft 2020-12,
 * the strict form dialect: French identifiers are `format`s of `shared/form`) and RJSF UI
 * schema; the kind itself is kept in the UI entry as `x-kind` so the builder shows the
 * field as the admin added it (an amount and a number share their schema type).
 */
export const FIELD_KINDS: readonly FieldKindInfo[] = [
  {
    kind: 'shortText',
    label: 'Texte court',
    defaultTitle: 'Texte court',
    baseName: 'texte',
    create: text(),
  },
  {
    kind: 'longText',
    label: 'Texte long',
    defaultTitle: 'Texte long',
    baseName: 'texteLong',
    create: (title) => ({
      schema: { type: 'string', title, maxLength: 5000 },
      ui: { 'ui:widget': 'textarea' },
    }),
  },
  {
    kind: 'number',
    label: 'Nombre',
    defaultTitle: 'Nombre',
    baseName: 'nombre',
    create: (title) => ({ schema: { type: 'number', title }, ui: {} }),
  },
  {
    kind: 'amount',
    label: 'Montant en euros',
    defaultTitle: 'Montant (€)',
    baseName: 'montant',
    create: (title) => ({
      schema: { type: 'number', title, minimum: 0, multipleOf: 0.01 },
      ui: {},
    }),
  },
  {
    kind: 'date',
    label: 'Date',
    defaultTitle: 'Date',
    baseName: 'date',
    create: (title) => ({ schema: { type: 'string', title, format: 'date' }, ui: {} }),
  },
  {
    kind: 'email',
    label: 'Adresse e-mail',
    defaultTitle: 'Adresse e-mail',
    baseName: 'courriel',
    create: text('email', 254),
  },
  {
    kind: 'phone',
    label: 'Téléphone',
    defaultTitle: 'Téléphone',
    baseName: 'telephone',
    create: text('telephone-fr', 20),
  },
  {
    kind: 'postcode',
    label: 'Code postal',
    defaultTitle: 'Code postal',
    baseName: 'codePostal',
    create: text('code-postal', 5),
  },
  {
    kind: 'siret',
    label: 'SIRET',
    defaultTitle: 'Numéro SIRET',
    baseName: 'siret',
    create: text('siret', 14),
  },
  { kind: 'iban', label: 'IBAN', defaultTitle: 'IBAN', baseName: 'iban', create: text('iban', 42) },
  {
    kind: 'yesNo',
    label: 'Oui / non',
    defaultTitle: 'Question oui / non',
    baseName: 'ouiNon',
    create: (title) => ({
      schema: {
        type: 'boolean',
        title,
        oneOf: [
          { const: true, title: 'Oui' },
          { const: false, title: 'Non' },
        ],
      },
      ui: { 'ui:widget': 'radio' },
    }),
  },
  {
    kind: 'singleChoice',
    label: 'Choix unique',
    defaultTitle: 'Choix unique',
    baseName: 'choix',
    create: (title) => ({
      schema: { type: 'string', title, oneOf: choices },
      ui: { 'ui:widget': 'radio' },
    }),
  },
  {
    kind: 'multipleChoice',
    label: 'Choix multiple',
    defaultTitle: 'Choix multiple',
    baseName: 'choixMultiple',
    create: (title) => ({
      schema: {
        type: 'array',
        title,
        uniqueItems: true,
        items: { type: 'string', oneOf: choices },
      },
      ui: { 'ui:widget': 'checkboxes' },
    }),
  },
  {
    kind: 'file',
    label: 'Pièce jointe',
    defaultTitle: 'Pièce jointe',
    baseName: 'piece',
    create: (title) => ({
      schema: {
        type: 'array',
        title,
        items: { type: 'string', format: 'attachment-id' },
        maxItems: 1,
        'x-file': { accept: ['application/pdf', 'image/*'], maxBytes: 5_000_000 },
      },
      ui: {},
    }),
  },
  {
    kind: 'group',
    label: 'Groupe répété',
    defaultTitle: 'Groupe répété',
    baseName: 'groupe',
    create: (title) => ({
      schema: {
        type: 'array',
        title,
        items: {
          type: 'object',
          properties: { element: { type: 'string', title: 'Élément', maxLength: 200 } },
        },
      },
      ui: {},
    }),
  },
  {
    kind: 'explanation',
    label: 'Texte explicatif',
    defaultTitle: 'À savoir',
    baseName: 'explication',
    create: (title) => ({
      schema: { type: 'null', title, description: 'Votre texte d’information pour l’usager.' },
      ui: {},
    }),
  },
  {
    kind: 'computed',
    label: 'Valeur calculée',
    defaultTitle: 'Total calculé',
    baseName: 'calcul',
    create: (title) => ({ schema: { type: 'number', title, readOnly: true }, ui: {} }),
  },
];

const BY_KIND = new Map(FIELD_KINDS.map((info) => [info.kind, info]));

/** The palette entry of a kind. */
export function fieldKindInfo(kind: FieldKind): FieldKindInfo {
  return BY_KIND.get(kind)!;
}

const FORMAT_KINDS: Record<string, FieldKind> = {
  date: 'date',
  email: 'email',
  'telephone-fr': 'phone',
  'code-postal': 'postcode',
  siret: 'siret',
  iban: 'iban',
};

/**
 * The kind of an existing field: the `x-kind` the builder wrote, else guessed from its
 * schema (a field written in the JSON tab or by a template).
 *
 * @example
 * fieldKindOf({ type: 'string', format: 'siret' }, undefined); // 'siret'
 */
export function fieldKindOf(schema: JsonSchema | undefined, ui: unknown): FieldKind {
  const declared =
    typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>)['x-kind'] : undefined;
  if (typeof declared === 'string' && BY_KIND.has(declared as FieldKind))
    return declared as FieldKind;
  if (typeof schema !== 'object' || schema === null) return 'shortText';
  const widget = (ui as Record<string, unknown> | undefined)?.['ui:widget'];
  if (schema['x-file'] !== undefined) return 'file';
  if (schema['type'] === 'null') return 'explanation';
  if (schema['type'] === 'boolean') return 'yesNo';
  if (schema['type'] === 'array') {
    const items = schema['items'] as Record<string, unknown> | undefined;
    return items?.['type'] === 'object' ? 'group' : 'multipleChoice';
  }
  if (schema['type'] === 'number' || schema['type'] === 'integer') {
    if (schema['readOnly'] === true) return 'computed';
    return schema['multipleOf'] === 0.01 ? 'amount' : 'number';
  }
  if (Array.isArray(schema['oneOf']) || Array.isArray(schema['enum'])) return 'singleChoice';
  const format = schema['format'];
  if (typeof format === 'string' && FORMAT_KINDS[format]) return FORMAT_KINDS[format];
  return widget === 'textarea' ? 'longText' : 'shortText';
}

/**
 * A property name for a new field, unique among `taken`: `montant`, `montant2`, …
 *
 * @example
 * uniqueName('montant', ['montant']); // 'montant2'
 */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let index = 2;
  while (names.has(`${base}${index}`)) index += 1;
  return `${base}${index}`;
}
