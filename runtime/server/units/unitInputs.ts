import { z } from 'zod';

/**
 * Input schemas of the unit procedures, all strict (docs/SECURITY.md §10). Codes are what
 * routing rules and workflow owners name, so they stay short and URL-safe.
 */

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const MAX_UNIT_NAME = 200;
/** One CSV import: a whole organisation chart, not a data dump. */
export const MAX_CSV_CHARS = 1_000_000;
export const MAX_CSV_ROWS = 5_000;

const unitId = z.uuid({ error: 'Identifiant de service invalide.' });
const code = z
  .string()
  .regex(
    UNIT_CODE_PATTERN,
    'Code invalide : lettres, chiffres, « - », « _ » ou « . », 64 au plus.',
  );
const name = z
  .string()
  .trim()
  .min(1, 'Le nom est obligatoire.')
  .max(MAX_UNIT_NAME, `${MAX_UNIT_NAME} caractères au plus.`);

export const createUnitInput = z.strictObject({ code, name, parentId: unitId.nullable() });
export const renameUnitInput = z.strictObject({ id: unitId, name });
export const byUnitInput = z.strictObject({ id: unitId });
export const archiveUnitInput = z.strictObject({ id: unitId, archived: z.boolean() });
export const moveUnitInput = z.strictObject({ id: unitId, parentId: unitId.nullable() });
/** For procedures that take nothing: still strict, so smuggled keys are refused. */
export const noInput = z.strictObject({}).prefault({});

export const importUnitsInput = z.strictObject({
  csv: z.string().max(MAX_CSV_CHARS, 'Fichier trop volumineux (1 Mo au plus).'),
});
