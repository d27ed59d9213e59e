import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dossiers } from '../../../db/index.ts';
import { VALID_SOCIAL_AID } from '../../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../../dossiers/testing/rejection.ts';
import { PDF, PNG, uploadedId, uploadFile } from '../testing/attachmentFixtures.ts';
import { useFileFieldDossiers } from '../testing/fileFieldDossiers.ts';

const kit = useFileFieldDossiers();
const { newDraft, submit } = kit;

interface HttpRefusal {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

async function refusal(response: Response): Promise<HttpRefusal> {
  return ((await response.json()) as { error: HttpRefusal }).error;
}

describe('issue 14: file fields are real fields', () => {
  it('a submit with the id of a file never uploaded is refused', async () => {
    const id = await newDraft();
    const neverUploaded = randomUUID();
    const data = { ...VALID_SOCIAL_AID, avisImposition: [neverUploaded] };
    const saved = await rejection(
      kit.citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 }),
    );
    expect(saved.domainCode).toBe('INVALID_DATA');
    expect(saved.fieldErrors).toEqual({
      avisImposition: ['Ce fichier est introuvable : joignez-le de nouveau.'],
    });
    // A draft saved before save checked its files: the submission checks them again.
    await kit.server.database.db
      .update(dossiers)
      .set({ data, revision: 1 })
      .where(eq(dossiers.id, id));
    const submitted = await rejection(submit(id, 1));
    expect(submitted.domainCode).toBe('INVALID_DATA');
    expect(submitted.fieldErrors).toEqual({
      avisImposition: ['Ce fichier est introuvable : joignez-le de nouveau.'],
    });
    const row = await kit.server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row[0]?.reference).toBeNull();
  });

  it('an upload to a non-file field is refused', async () => {
    const id = await newDraft();
    for (const field of ['nom', 'enfants/0/prenom', 'enfants', 'inconnu']) {
      const response = await uploadFile(kit.citizen, id, PDF, { field, name: 'avis.pdf' });
      expect(response.status, field).toBe(400);
      expect(await refusal(response), field).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Ce champ du formulaire n’existe pas ou n’attend pas de fichier.',
        fieldErrors: { [field.replaceAll('/', '.')]: ['Ce champ n’attend pas de fichier.'] },
      });
    }
  });

  it('an upload into a repeated group is accepted, and the dossier submits with it', async () => {
    const id = await newDraft();
    const avis = await uploadedId(kit.citizen, id, PDF, {
      field: 'avisImposition',
      name: 'avis.pdf',
    });
    const acte = await uploadedId(kit.citizen, id, PDF, {
      field: 'enfants/0/certificat',
      name: 'acte.pdf',
    });
    const data = {
      ...VALID_SOCIAL_AID,
      avisImposition: [avis],
      enfants: [{ prenom: 'Léa', certificat: [acte] }],
    };
    const saved = await kit.citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
    const submitted = await submit(id, saved.revision);
    expect(submitted.state).toBe('depose');
    const seen = await kit.citizen.trpc.dossiers.get.query({ id });
    expect(seen.attachments.map((file) => file.field).sort()).toEqual([
      'avisImposition',
      'enfants/0/certificat',
    ]);
  });

  it('a PNG is refused where only PDF is accepted', async () => {
    const id = await newDraft();
    const response = await uploadFile(kit.citizen, id, PNG, {
      field: 'avisImposition',
      name: 'avis.png',
    });
    expect(response.status).toBe(415);
    const message = 'Ce type de fichier n’est pas accepté ici : envoyez un fichier PDF.';
    expect(await refusal(response)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message,
      fieldErrors: { avisImposition: [message] },
    });
    // Renaming it does not help: the type is read from the content.
    const renamed = await uploadFile(kit.citizen, id, PNG, {
      field: 'avisImposition',
      name: 'avis.pdf',
    });
    expect(renamed.status).toBe(415);
  });
});
