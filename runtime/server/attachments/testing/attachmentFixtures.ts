import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import type { TestClient } from '../../testing/testClient.ts';

/**
 * A file field as the studio writes it: a list of attachment ids, with `x-file` options.
 *
 * @example
 * fileField('Avis d’imposition', { accept: ['application/pdf'] }, { minItems: 1 });
 */
export function fileField(
  title: string,
  options: { accept?: string[]; maxBytes?: number },
  counts: { minItems?: number; maxItems?: number } = {},
): Record<string, unknown> {
  return {
    type: 'array',
    title,
    items: { type: 'string', format: 'attachment-id' },
    ...counts,
    'x-file': options,
  };
}

/** The social-aid form with two file fields, one capped at 1 000 bytes. */
export const definitionWithFiles = structuredClone(socialAidDefinition);
const schema = definitionWithFiles.form.schema as { properties: Record<string, unknown> };
schema.properties['justificatif'] = fileField('Justificatif', {
  accept: ['application/pdf', 'image/*'],
});
schema.properties['petitFichier'] = fileField('Petit fichier', {
  accept: ['image/*'],
  maxBytes: 1000,
});

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The smallest PDF the type check accepts. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * POSTs `file` as the body of an upload to a dossier's field, as the front office does.
 *
 * @example
 * const response = await uploadFile(citizen, draftId, PDF, { name: 'avis.pdf' });
 */
export function uploadFile(
  client: TestClient,
  dossierId: string,
  file: Buffer,
  options: { field?: string; name: string; headers?: Record<string, string> },
): Promise<Response> {
  const query = new URLSearchParams({ field: options.field ?? 'justificatif', name: options.name });
  return client.fetch(`/api/dossiers/${dossierId}/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...options.headers },
    body: new Uint8Array(file),
  });
}

/**
 * A family-aid form as issue 14 tried it: a required tax notice (one PDF, at most
 * 5 000 bytes) and children in a repeated group, each with a birth certificate (PDF).
 */
export const definitionWithFileFields = structuredClone(socialAidDefinition);
const familySchema = definitionWithFileFields.form.schema as {
  properties: Record<string, unknown>;
  required: string[];
};
familySchema.properties['avisImposition'] = fileField(
  'Avis d’imposition',
  { accept: ['application/pdf'], maxBytes: 5000 },
  { minItems: 1, maxItems: 1 },
);
familySchema.properties['enfants'] = {
  type: 'array',
  title: 'Enfants',
  items: {
    type: 'object',
    required: ['prenom', 'certificat'],
    properties: {
      prenom: { type: 'string', title: 'Prénom' },
      certificat: fileField('Acte de naissance', { accept: ['application/pdf'] }, { minItems: 1 }),
    },
  },
};
familySchema.required = [...familySchema.required, 'avisImposition'];

/**
 * Uploads `file` to a field and returns the attachment id, failing the test otherwise.
 *
 * @example
 * const id = await uploadedId(citizen, dossierId, PDF, { field: 'enfants/0/certificat', name: 'acte.pdf' });
 */
export async function uploadedId(
  client: TestClient,
  dossierId: string,
  file: Buffer,
  options: { field: string; name: string },
): Promise<string> {
  const response = await uploadFile(client, dossierId, file, options);
  if (response.status !== 201) {
    throw new Error(`upload to ${options.field}: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { id: string }).id;
}
