import { z } from 'zod';

/**
 * Input schemas of the data-source procedures, all strict (docs/SECURITY.md §10).
 */

/**
 * A CSV under the API's 2 MiB body: the 35,000 French communes with their postcode fit.
 * Larger files go to `POST /api/reference-tables` (20 MB, docs/SECURITY.md §117).
 */
export const MAX_REFERENCE_CSV_CHARS = 1_900_000;
export const MAX_SEARCH_RESULTS = 50;

const tableCode = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,63}$/,
    'Code de table invalide : minuscules, chiffres, « - » ou « _ », 64 au plus.',
  );
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Identifiant invalide.');

const tableLabel = z.string().trim().min(1, 'Le nom de la table est obligatoire.').max(200);

/** The table a CSV sent to `POST /api/reference-tables` goes into (its query string). */
export const referenceTableFields = z.strictObject({ code: tableCode, label: tableLabel });

export const deleteReferenceTableInput = z.strictObject({ code: tableCode });

export const importReferenceTableInput = z.strictObject({
  code: tableCode,
  label: tableLabel,
  csv: z.string().max(MAX_REFERENCE_CSV_CHARS, 'Fichier trop volumineux (1,9 Mo au plus).'),
});

export const searchSourceInput = z.strictObject({
  tenant: slug,
  demarche: slug,
  /** The dossier's version; absent: the latest published one. */
  version: z.number().int().min(1).optional(),
  source: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'Source invalide.'),
  /** What the citizen typed; empty: the first entries. */
  query: z.string().max(100, '100 caractères au plus.').default(''),
  /** Instead of a search: the entry with this code (the label of a saved answer). */
  value: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
});

export const noInput = z.strictObject({}).prefault({});
