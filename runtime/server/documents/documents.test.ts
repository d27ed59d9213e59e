import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../db/index.ts';
import { definitionWithFiles, PDF, PNG } from '../attachments/testing/attachmentFixtures.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

let server: DossierServer;
let world: SeededTenant;
let elsewhere: SeededTenant;
let citizen: TestClient;
let neighbour: TestClient;
let stranger: TestClient;
let agent: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db, { definition: definitionWithFiles });
  elsewhere = await seedTenant(server.database.db, { definition: definitionWithFiles });
  citizen = await server.signIn(world, 'citizen');
  neighbour = await server.signIn(world, 'otherCitizen');
  stranger = await server.signIn(elsewhere, 'citizen');
  agent = await server.signIn(world, 'agent');
});
afterAll(() => server.close());

/** POSTs a file to the safe as « Mes documents » does. */
function putInSafe(
  client: TestClient,
  file: Buffer | Uint8Array,
  query: { name: string; label: string; validUntil?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  return client.fetch(`/api/documents?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: new Uint8Array(file),
  });
}

async function storedDocument(client: TestClient, file = PDF, name = 'edf.pdf'): Promise<string> {
  const response = await putInSafe(client, file, { name, label: 'Justificatif de domicile' });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const newDraft = async (client = citizen) =>
  (await client.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' })).id;

describe('the document safe (§55)', () => {
  it('keeps a checked file for its owner, who lists and deletes it', async () => {
    const response = await putInSafe(citizen, PDF, {
      name: 'edf.pdf',
      label: 'Justificatif de domicile',
      validUntil: '2026-09-30',
    });
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { id: string };
    const listed = await citizen.trpc.documents.list.query();
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: stored.id,
        label: 'Justificatif de domicile',
        fileName: 'edf.pdf',
        mediaType: 'application/pdf',
        scanStatus: 'not_scanned',
        validUntil: '2026-09-30',
      }),
    );
    await citizen.trpc.documents.delete.mutate({ id: stored.id });
    const after = await citizen.trpc.documents.list.query();
    expect(after.map((document) => document.id)).not.toContain(stored.id);
  });

  it('refuses what an upload refuses: a lying extension, markup, an empty file', async () => {
    const lying = await putInSafe(citizen, PNG, { name: 'photo.pdf', label: 'Pièce' });
    expect(lying.status).toBe(415);
    const markup = await putInSafe(citizen, Buffer.from('<html><script>alert(1)</script></html>'), {
      name: 'page.pdf',
      label: 'Pièce',
    });
    expect(markup.status).toBe(415);
    const empty = await putInSafe(citizen, new Uint8Array(), { name: 'vide.pdf', label: 'Pièce' });
    expect(empty.status).toBe(400);
    const unnamed = await putInSafe(citizen, PDF, { name: 'a.pdf', label: '  ' });
    expect(unnamed.status).toBe(400);
    const form = await putInSafe(
      citizen,
      PDF,
      { name: 'a.pdf', label: 'Pièce' },
      {
        'content-type': 'multipart/form-data; boundary=x',
      },
    );
    expect(form.status).toBe(415);
  });

  it('is a citizen’s own: no session 401, staff 403', async () => {
    expect((await putInSafe(server.client(), PDF, { name: 'a.pdf', label: 'Pièce' })).status).toBe(
      401,
    );
    expect((await putInSafe(agent, PDF, { name: 'a.pdf', label: 'Pièce' })).status).toBe(403);
    expect((await rejection(agent.trpc.documents.list.query())).code).toBe('FORBIDDEN');
  });

  it('is never shown to, deleted or attached by another citizen, of this tenant or another', async () => {
    const documentId = await storedDocument(citizen);
    for (const other of [neighbour, stranger]) {
      const listed = await other.trpc.documents.list.query();
      expect(listed.map((document) => document.id)).not.toContain(documentId);
      const deleted = await rejection(other.trpc.documents.delete.mutate({ id: documentId }));
      expect(deleted.code).toBe('NOT_FOUND');
      const draft = await newDraft(other);
      const attached = await rejection(
        other.trpc.documents.attach.mutate({ documentId, dossierId: draft, field: 'justificatif' }),
      );
      expect(attached.code).toBe('NOT_FOUND');
      expect(attached.message).toBe(
        (
          await rejection(
            other.trpc.documents.attach.mutate({
              documentId: randomUUID(),
              dossierId: draft,
              field: 'justificatif',
            }),
          )
        ).message,
      );
    }
    expect((await citizen.trpc.documents.list.query()).map((d) => d.id)).toContain(documentId);
  });
});

describe('reusing a document of the safe in a dossier (§56)', () => {
  it('attaches it to a file field, and the dossier is submitted with it', async () => {
    const documentId = await storedDocument(citizen);
    const dossierId = await newDraft();
    const attached = await citizen.trpc.documents.attach.mutate({
      documentId,
      dossierId,
      field: 'justificatif',
    });
    expect(attached).toMatchObject({
      dossierId,
      field: 'justificatif',
      fileName: 'edf.pdf',
      mediaType: 'application/pdf',
      scanStatus: 'not_scanned',
    });
    await citizen.trpc.dossiers.saveDraft.mutate({
      id: dossierId,
      data: { ...VALID_SOCIAL_AID, justificatif: [attached.id] },
      revision: 0,
    });
    const submitted = await citizen.trpc.dossiers.submit.mutate({
      id: dossierId,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    expect(submitted.state).toBe('depose');
    const seen = await agent.trpc.dossiers.get.query({ id: dossierId });
    expect(seen.attachments.map((file) => file.id)).toContain(attached.id);

    // Deleting the safe's document leaves the dossier's copy.
    await citizen.trpc.documents.delete.mutate({ id: documentId });
    const [kept] = await server.database.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.id, attached.id));
    expect(kept).toEqual({ id: attached.id });
  });

  it('checks the field as an upload would: its types, its size cap, its editability', async () => {
    const pdf = await storedDocument(citizen);
    const dossierId = await newDraft();
    const wrongType = await rejection(
      citizen.trpc.documents.attach.mutate({ documentId: pdf, dossierId, field: 'petitFichier' }),
    );
    expect(wrongType.domainCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(Object.keys(wrongType.fieldErrors ?? {})).toEqual(['petitFichier']);

    const bigPng = Buffer.concat([PNG, Buffer.alloc(2000)]);
    const big = await storedDocument(citizen, bigPng, 'grande.png');
    const tooLarge = await rejection(
      citizen.trpc.documents.attach.mutate({ documentId: big, dossierId, field: 'petitFichier' }),
    );
    expect(tooLarge.domainCode).toBe('PAYLOAD_TOO_LARGE');

    const notAFileField = await rejection(
      citizen.trpc.documents.attach.mutate({ documentId: pdf, dossierId, field: 'nom' }),
    );
    expect(notAFileField.domainCode).toBe('INVALID_INPUT');

    await citizen.trpc.dossiers.saveDraft.mutate({
      id: dossierId,
      data: VALID_SOCIAL_AID,
      revision: 0,
    });
    await citizen.trpc.dossiers.submit.mutate({
      id: dossierId,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    const closed = await rejection(
      citizen.trpc.documents.attach.mutate({ documentId: pdf, dossierId, field: 'justificatif' }),
    );
    expect(closed.domainCode).toBe('FIELD_NOT_EDITABLE');
  });

  it('never attaches to a dossier the owner cannot read', async () => {
    const documentId = await storedDocument(citizen);
    const othersDraft = await newDraft(neighbour);
    const refused = await rejection(
      citizen.trpc.documents.attach.mutate({
        documentId,
        dossierId: othersDraft,
        field: 'justificatif',
      }),
    );
    expect(refused.code).toBe('NOT_FOUND');
  });
});

describe('downloading a document of the safe (§112)', () => {
  it('gives the owner the stored bytes as a download, and anyone else the answer of an unknown id', async () => {
    const documentId = await storedDocument(citizen, PDF, 'relevé EDF.pdf');
    const mine = await citizen.fetch(`/api/documents/${documentId}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(mine.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''relev%C3%A9%20EDF.pdf",
    );
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(new Uint8Array(PDF));

    const unknown = await citizen.fetch(`/api/documents/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    for (const other of [neighbour, stranger]) {
      const refused = await other.fetch(`/api/documents/${documentId}`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual(unknownBody);
    }
    const malformed = await citizen.fetch('/api/documents/..%2F..%2Fetc%2Fpasswd');
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toEqual(unknownBody);
    expect((await server.client().fetch(`/api/documents/${documentId}`)).status).toBe(401);
    expect((await agent.fetch(`/api/documents/${documentId}`)).status).toBe(403);
    const posted = await citizen.fetch(`/api/documents/${documentId}`, { method: 'DELETE' });
    expect(posted.status).toBe(405);
  });
});

describe('documents past their validity date (§113)', () => {
  it('are flagged in the list and refused when attached, with the date in French', async () => {
    // The test clock says 2 March 2026 (Paris).
    const put = async (validUntil: string) => {
      const response = await putInSafe(citizen, PDF, {
        name: 'piece.pdf',
        label: `Valable jusqu’au ${validUntil}`,
        validUntil,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; expired: boolean };
    };
    const expired = await put('2026-03-01');
    const lastDay = await put('2026-03-02');
    expect(expired.expired).toBe(true);
    expect(lastDay.expired).toBe(false);
    const listed = await citizen.trpc.documents.list.query();
    expect(listed.find((d) => d.id === expired.id)?.expired).toBe(true);
    expect(listed.find((d) => d.id === lastDay.id)?.expired).toBe(false);

    const dossierId = await newDraft();
    const refused = await rejection(
      citizen.trpc.documents.attach.mutate({
        documentId: expired.id,
        dossierId,
        field: 'justificatif',
      }),
    );
    expect(refused.domainCode).toBe('INVALID_INPUT');
    expect(refused.message).toBe(
      'Ce document n’était valable que jusqu’au 1er mars 2026 : ajoutez-en une version à jour à vos documents.',
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['justificatif']);
    const attached = await citizen.trpc.documents.attach.mutate({
      documentId: lastDay.id,
      dossierId,
      field: 'justificatif',
    });
    expect(attached.fileName).toBe('piece.pdf');
  });
});
