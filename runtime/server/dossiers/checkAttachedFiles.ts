import { and, eq, inArray } from 'drizzle-orm';
import {
  acceptsType,
  describeAccept,
  type FieldErrors,
  type FileFieldValue,
  fileFieldAt,
  fileValuesOf,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/form/index.ts';
import type { AppDatabase } from '../../db/index.ts';
import { attachments } from '../../db/index.ts';

const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const megabytes = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export interface AttachedFilesCheck {
  tenantId: string;
  dossierId: string;
  /** The form schema of the dossier's published version. */
  schema: unknown;
  data: Record<string, unknown>;
  /** Only the file fields under these top-level fields (an autosave: what changed). */
  onlyUnder?: readonly string[];
}

/**
 * What is wrong with the files a dossier's data names, by field path (empty: nothing).
 * A file field's value is only ever attachments of THIS dossier uploaded for that field:
 * an id never uploaded, uploaded to another dossier or for
 * another field, a file found infected, of a type the field does not accept (the type
 * detected from the content at upload), or larger than the field allows, is refused —
 * each message beside its field. The same file may be named only once.
 *
 * A file uploaded for `enfants/1/certificat` may sit at `enfants/0/certificat`: removing
 * the first child shifts the list, and the file must follow its child. What must match
 * is the declared field (`enfants/*\/certificat`). Count (`minItems`, `maxItems`) and
 * required fields are the form validation's business (ajv).
 *
 * @example
 * const errors = await checkAttachedFiles(tx, { tenantId, dossierId, schema, data });
 * // { 'enfants.0.certificat': ['Ce fichier est introuvable : joignez-le de nouveau.'] }
 */
export async function checkAttachedFiles(
  db: AppDatabase,
  check: AttachedFilesCheck,
): Promise<FieldErrors> {
  const only = check.onlyUnder;
  const values = fileValuesOf(check.schema, check.data).filter(
    (value) => only === undefined || only.includes(value.path.split('/')[0]!),
  );
  const ids = [...new Set(values.flatMap(idsOf))];
  if (ids.length === 0) return {};
  const rows = await db
    .select({
      id: attachments.id,
      field: attachments.field,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      scanStatus: attachments.scanStatus,
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.tenantId, check.tenantId),
        eq(attachments.dossierId, check.dossierId),
        inArray(attachments.id, ids),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const value of values) {
    for (const id of idsOf(value)) {
      const key = id.toLowerCase();
      const problem = seen.has(key)
        ? 'Ce fichier est déjà joint ailleurs dans le formulaire.'
        : problemOf(byId.get(key), value, check.schema);
      seen.add(key);
      if (problem === null) continue;
      const field = value.path.replaceAll('/', '.');
      const messages = errors.get(field) ?? [];
      if (!messages.includes(problem)) messages.push(problem);
      errors.set(field, messages);
    }
  }
  return Object.fromEntries(errors);
}

type AttachmentRow = {
  field: string | null;
  mediaType: string;
  sizeBytes: number;
  scanStatus: string;
};

function problemOf(
  row: AttachmentRow | undefined,
  value: FileFieldValue,
  schema: unknown,
): string | null {
  if (row === undefined) return 'Ce fichier est introuvable : joignez-le de nouveau.';
  const uploadedFor = row.field === null ? null : fileFieldAt(schema, row.field);
  if (uploadedFor?.path !== value.declaration.path) {
    return 'Ce fichier a été joint à un autre champ : joignez-le à celui-ci.';
  }
  if (row.scanStatus === 'infected') {
    return 'Ce fichier contient un virus et a été bloqué : retirez-le et joignez-en un autre.';
  }
  const { accept, maxBytes } = value.declaration.options;
  if (!acceptsType(accept, row.mediaType)) {
    return `Ce type de fichier n’est pas accepté ici : joignez un fichier ${describeAccept(accept)}.`;
  }
  const cap = Math.min(maxBytes ?? MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
  if (row.sizeBytes > cap) {
    return `Ce fichier dépasse la taille permise (${megabytes.format(cap / 1024 / 1024)} Mo au plus).`;
  }
  return null;
}

/** The well-formed ids of a value; anything else is the form validation's to report. */
function idsOf(value: FileFieldValue): string[] {
  if (!Array.isArray(value.value)) return [];
  return value.value.filter((id): id is string => typeof id === 'string' && ATTACHMENT_ID.test(id));
}
