import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog } from '../../db/index.ts';
import { countFor, VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import {
  definitionWithFiles as definition,
  PDF,
  PNG,
  uploadFile,
} from './testing/attachmentFixtures.ts';

const HTML = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const POLYGLOT = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n');

let server: DossierServer;
let world: SeededTenant;
let citizen: TestClient;
let draftId: string;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db, { definition });
  citizen = await server.signIn(world, 'citizen');
  draftId = (await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' })).id;
});
afterAll(() => server.close());

function upload(
  client: TestClient,
  file: Buffer,
  options: { id?: string; field?: string; name: string; headers?: Record<string, string> },
) {
  return uploadFile(client, options.id ?? draftId, file, options);
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('uploads', () => {
  it('accepts a PNG, stores it by content hash and logs it', async () => {
    const response = await upload(citizen, PNG, { name: 'photo.png' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; sha256: string };
    expect(body).toMatchObject({
      fileName: 'photo.png',
      mediaType: 'image/png',
      sizeBytes: PNG.length,
    });
    const stored = await readFile(join(server.filesRoot, body.sha256.slice(0, 2), body.sha256));
    expect(stored.equals(PNG)).toBe(true);
    expect(
      await countFor(server.database, 'dossier_events', draftId, "type = 'attachment_added'"),
    ).toBe(1);
  });

  it('refuses by content: HTML renamed .pdf, SVG, a PNG named .pdf, a PDF carrying HTML', async () => {
    const refused = [
      [HTML, 'avis-imposition.pdf'],
      [SVG, 'logo.svg'],
      [PNG, 'photo.pdf'],
      [POLYGLOT, 'releve.pdf'],
    ] as const;
    for (const [file, name] of refused) {
      const response = await upload(citizen, file, { name });
      expect(response.status, name).toBe(415);
      expect(await errorCode(response)).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const accepted = await upload(citizen, PDF, { name: 'releve.PDF' });
    expect(accepted.status).toBe(201);
  });

  // Regression: the polyglot check read only the first 1 KB, so markup placed further
  // in (after a harmless-looking PDF header and body) went through.
  it('refuses a PDF with <script> after 4 KB', async () => {
    const padded = Buffer.concat([
      PDF.subarray(0, PDF.indexOf('trailer')),
      Buffer.from(`% ${'x'.repeat(4096)}\n<script>alert(document.cookie)</script>\n`),
      PDF.subarray(PDF.indexOf('trailer')),
    ]);
    const response = await upload(citizen, padded, { name: 'releve.pdf' });
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toContain('code web');
  });

  it('refuses oversize files, declared or streamed, and keeps nothing of them', async () => {
    const before = await server.database.db.select().from(attachments);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    PNG.copy(big);
    const streamed = await upload(citizen, big, { name: 'grand.png' });
    expect(streamed.status).toBe(413);
    const declared = await upload(citizen, big, {
      name: 'grand.png',
      headers: { 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    const perField = await upload(citizen, Buffer.concat([PNG, Buffer.alloc(1000)]), {
      field: 'petitFichier',
      name: 'photo.png',
    });
    expect(perField.status).toBe(413);
    expect(await server.database.db.select().from(attachments)).toEqual(before);
    expect(await readdir(join(server.filesRoot, 'tmp'))).toEqual([]);
  });

  it('refuses unknown fields, form-encoded bodies, strangers and anonymous callers', async () => {
    expect((await upload(citizen, PNG, { field: 'inconnu', name: 'a.png' })).status).toBe(400);
    const form = await upload(citizen, PNG, {
      name: 'a.png',
      headers: { 'content-type': 'text/plain' },
    });
    expect(form.status).toBe(415);
    const stranger = await server.signIn(world, 'otherCitizen');
    expect((await upload(stranger, PNG, { name: 'a.png' })).status).toBe(404);
    expect((await upload(citizen, PNG, { id: randomUUID(), name: 'a.png' })).status).toBe(404);
    expect((await upload(server.client(), PNG, { name: 'a.png' })).status).toBe(401);
  });
});

describe('downloads', () => {
  it('serves the file as a download with its detected type and nosniff', async () => {
    const { id } = (await (await upload(citizen, PNG, { name: 'relevé <1>.png' })).json()) as {
      id: string;
    };
    const response = await citizen.fetch(`/api/attachments/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="relev_ <1>.png"; filename*=UTF-8''relev%C3%A9%20%3C1%3E.png`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('follows dossier access: hidden from others, audited for staff once submitted', async () => {
    const { id } = (await (await upload(citizen, PNG, { name: 'piece.png' })).json()) as {
      id: string;
    };
    const agent = await server.signIn(world, 'agent');
    const stranger = await server.signIn(world, 'otherCitizen');
    expect((await agent.fetch(`/api/attachments/${id}`)).status).toBe(404);
    expect((await stranger.fetch(`/api/attachments/${id}`)).status).toBe(404);
    expect((await server.client().fetch(`/api/attachments/${id}`)).status).toBe(401);
    expect((await citizen.fetch(`/api/attachments/${randomUUID()}`)).status).toBe(404);

    const { revision } = await citizen.trpc.dossiers.get.query({ id: draftId });
    const saved = await citizen.trpc.dossiers.saveDraft.mutate({
      id: draftId,
      data: { ...VALID_SOCIAL_AID, justificatif: [id] },
      revision,
    });
    await citizen.trpc.dossiers.submit.mutate({
      id: draftId,
      transition: 'deposer',
      revision: saved.revision,
      idempotencyKey: randomUUID(),
    });
    expect((await agent.fetch(`/api/attachments/${id}`)).status).toBe(200);
    const seen = await agent.trpc.dossiers.get.query({ id: draftId });
    expect(seen.attachments).toContainEqual(
      expect.objectContaining({
        id,
        field: 'justificatif',
        fileName: 'piece.png',
        mediaType: 'image/png',
      }),
    );
    const reads = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `attachment:${id}`), eq(auditLog.action, 'attachment.read')));
    expect(reads).toHaveLength(1);
    // Submitted: the field is no longer editable, so no more uploads to it.
    expect((await upload(citizen, PNG, { name: 'tard.png' })).status).toBe(403);
  });
});
