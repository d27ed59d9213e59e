import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import type { TestClient } from '../../testing/testClient.ts';

/** The social-aid form with two file fields, one capped at 1 000 bytes by its UI schema. */
export const definitionWithFiles = structuredClone(socialAidDefinition);
const schema = definitionWithFiles.form.schema as { properties: Record<string, unknown> };
schema.properties['justificatif'] = { type: 'string', title: 'Justificatif' };
schema.properties['petitFichier'] = { type: 'string', title: 'Petit fichier' };
definitionWithFiles.form.uiSchema = {
  ...definitionWithFiles.form.uiSchema,
  petitFichier: { 'ui:options': { maxBytes: 1000 } },
};

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
