import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments } from '../../db/index.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { PDF, uploadedId, uploadFile } from './testing/attachmentFixtures.ts';
import { useFileFieldDossiers } from './testing/fileFieldDossiers.ts';

const kit = useFileFieldDossiers();
const { newDraft, save, submit } = kit;

/** A draft with its tax notice uploaded, ready for the rest of a test. */
async function draftWithNotice(): Promise<{ id: string; avis: string }> {
  const id = await newDraft();
  const avis = await uploadedId(kit.citizen, id, PDF, {
    field: 'avisImposition',
    name: 'avis.pdf',
  });
  return { id, avis };
}

describe('file fields over the API', () => {
  it('submits a repeated group of two children, each with its certificate', async () => {
    const { id, avis } = await draftWithNotice();
    const acteLea = await uploadedId(kit.citizen, id, PDF, {
      field: 'enfants/0/certificat',
      name: 'acte-lea.pdf',
    });
    const acteTom = await uploadedId(kit.citizen, id, PDF, {
      field: 'enfants/1/certificat',
      name: 'acte-tom.pdf',
    });
    const saved = await save(id, {
      ...VALID_SOCIAL_AID,
      avisImposition: [avis],
      enfants: [
        { prenom: 'Léa', certificat: [acteLea] },
        { prenom: 'Tom', certificat: [acteTom] },
      ],
    });
    expect((await submit(id, saved.revision)).state).toBe('depose');
  });

  it('lets a certificate follow its child when an earlier child is removed', async () => {
    const { id, avis } = await draftWithNotice();
    const acteTom = await uploadedId(kit.citizen, id, PDF, {
      field: 'enfants/1/certificat',
      name: 'acte-tom.pdf',
    });
    const data = {
      ...VALID_SOCIAL_AID,
      avisImposition: [avis],
      enfants: [{ prenom: 'Tom', certificat: [acteTom] }],
    };
    const saved = await save(id, data);
    expect((await submit(id, saved.revision)).state).toBe('depose');
  });

  it('refuses a file of another dossier', async () => {
    const other = await draftWithNotice();
    const { id } = await draftWithNotice();
    const refused = await rejection(
      save(id, { ...VALID_SOCIAL_AID, avisImposition: [other.avis] }),
    );
    expect(refused.domainCode).toBe('INVALID_DATA');
    expect(refused.fieldErrors).toEqual({
      avisImposition: ['Ce fichier est introuvable : joignez-le de nouveau.'],
    });
  });

  it('refuses a file uploaded for another field, and the same file twice', async () => {
    const { id, avis } = await draftWithNotice();
    const elsewhere = await rejection(
      save(id, { ...VALID_SOCIAL_AID, enfants: [{ prenom: 'Léa', certificat: [avis] }] }),
    );
    expect(elsewhere.fieldErrors).toEqual({
      'enfants.0.certificat': ['Ce fichier a été joint à un autre champ : joignez-le à celui-ci.'],
    });
    const acte = await uploadedId(kit.citizen, id, PDF, {
      field: 'enfants/0/certificat',
      name: 'acte.pdf',
    });
    const twice = await rejection(
      save(id, {
        ...VALID_SOCIAL_AID,
        enfants: [
          { prenom: 'Léa', certificat: [acte] },
          { prenom: 'Tom', certificat: [acte] },
        ],
      }),
    );
    expect(twice.fieldErrors).toEqual({
      'enfants.1.certificat': ['Ce fichier est déjà joint ailleurs dans le formulaire.'],
    });
  });

  it('refuses an infected file at submission', async () => {
    const { id, avis } = await draftWithNotice();
    const saved = await save(id, { ...VALID_SOCIAL_AID, avisImposition: [avis] });
    await kit.server.database.db
      .update(attachments)
      .set({ scanStatus: 'infected' })
      .where(eq(attachments.id, avis));
    const refused = await rejection(submit(id, saved.revision));
    expect(refused.domainCode).toBe('INVALID_DATA');
    expect(refused.fieldErrors).toEqual({
      avisImposition: [
        'Ce fichier contient un virus et a été bloqué : retirez-le et joignez-en un autre.',
      ],
    });
  });

  it('requires a required file field and the minimum count, and caps the count at save', async () => {
    const { id, avis } = await draftWithNotice();
    const saved = await save(id, {
      ...VALID_SOCIAL_AID,
      enfants: [{ prenom: 'Léa', certificat: [] }],
    });
    const refused = await rejection(submit(id, saved.revision));
    expect(refused.domainCode).toBe('INVALID_DATA');
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual([
      'avisImposition',
      'enfants.0.certificat',
    ]);
    const second = await uploadedId(kit.citizen, id, PDF, {
      field: 'avisImposition',
      name: 'avis-2.pdf',
    });
    const tooMany = await rejection(
      save(id, { ...VALID_SOCIAL_AID, avisImposition: [avis, second] }, saved.revision),
    );
    expect(tooMany.domainCode).toBe('INVALID_DATA');
    expect(Object.keys(tooMany.fieldErrors ?? {})).toEqual(['avisImposition']);
  });

  it('caps the size per field under the global cap', async () => {
    const id = await newDraft();
    const bigPdf = Buffer.concat([PDF, Buffer.from(`%${'x'.repeat(6000)}\n`)]);
    const capped = await uploadFile(kit.citizen, id, bigPdf, {
      field: 'avisImposition',
      name: 'avis.pdf',
    });
    expect(capped.status).toBe(413);
    const uncapped = await uploadFile(kit.citizen, id, bigPdf, {
      field: 'enfants/0/certificat',
      name: 'acte.pdf',
    });
    expect(uncapped.status).toBe(201);
  });

  it('refuses paths the schema does not have', async () => {
    const id = await newDraft();
    for (const field of [
      'enfants/x/certificat',
      'enfants/0/certificat/0',
      'enfants/-1/certificat',
      '../avisImposition',
      'avisImposition/0',
    ]) {
      const response = await uploadFile(kit.citizen, id, PDF, { field, name: 'a.pdf' });
      expect(response.status, field).toBe(400);
    }
  });
});
