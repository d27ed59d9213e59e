import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { attachments, dossierEvents } from '../../db/index.ts';
import { attachmentsRoot, storeBytes } from '../attachments/index.ts';
import { loginAs, nextTestIp } from '../auth/testing/authTestKit.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { type RunningWorker, startWorker } from '../worker/startWorker.ts';
import type { EffectDeps } from './effectDeps.ts';
import { effectKeyOf } from './effectJob.ts';
import { performEffect } from './performEffect.ts';
import { TEST_WEBHOOK_SECRET } from './testing/effectsDefinition.ts';
import {
  effectsFor,
  enqueueCommitted,
  jobDataFor,
  seedEffectDossier,
} from './testing/seedEffectDossier.ts';

// Issue 14: a letter effect left only text in the history. It now makes a PDF, kept with
// the dossier and downloaded through the attachments route and its access checks.

const letterDefinition: DemarcheDefinition = {
  ...socialAidDefinition,
  form: {
    ...socialAidDefinition.form,
    uiSchema: {
      ...socialAidDefinition.form.uiSchema,
      situation: { 'ui:enumNames': ['Personne seule', 'En couple'] },
    },
  },
  letters: [
    ...socialAidDefinition.letters,
    {
      id: 'attribution',
      title: 'Attribution de l’aide',
      body:
        'Madame, Monsieur {{ data.nom }},\n' +
        'Votre demande du {{ dossier.createdAt | date_fr }} ({{ data.situation | label: "situation" }}) ' +
        'est acceptée : une aide de {{ data.revenuMensuel | montant }} vous est attribuée.',
    },
  ],
};

const LETTER_DAY = new Date('2026-12-15T09:00:00Z');
let server: TestServer;
let worker: RunningWorker;
let world: SeededTenant;
let otherTenant: SeededTenant;

beforeAll(async () => {
  server = await startTestServer({ start: LETTER_DAY });
  world = await seedTenant(server.database.db, { definition: letterDefinition });
  otherTenant = await seedTenant(server.database.db);
  worker = await startWorker({
    database: server.database,
    config: server.deps.config,
    clock: server.clock.now,
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 10_000,
    log: () => {},
  });
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

async function signedIn(tenant: SeededTenant, who: keyof SeededTenant['accounts']) {
  const client = server.client({ ip: nextTestIp() });
  await loginAs(client, tenant, who);
  return client;
}

async function lettersOf(dossierId: string) {
  return server.database.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.tenantId, world.tenantId), eq(attachments.dossierId, dossierId)));
}

async function untilLetter(dossierId: string) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const found = await lettersOf(dossierId);
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the worker made no letter within 15 s');
}

async function pdfText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

describe('letters as PDF documents', () => {
  it('the worker makes one PDF the applicant and the unit’s agents download', async () => {
    const dossier = await seedEffectDossier(server.database.db, world, {
      data: { nom: 'Dupont', prenom: 'Claire', revenuMensuel: 45000, situation: 'couple' },
    });
    const letter = { type: 'letter', template: 'attribution' } as const;
    await enqueueCommitted(server.database.db, effectsFor(world, dossier, [letter]));

    const [file] = await untilLetter(dossier.dossierId);
    expect(file).toMatchObject({
      fileName: `attribution-${dossier.reference}.pdf`,
      mediaType: 'application/pdf',
      field: null,
    });

    const citizen = await signedIn(world, 'citizen');
    const download = await citizen.fetch(`/api/attachments/${file!.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    const text = await pdfText(download);
    expect(text).toContain(`Référence : ${dossier.reference}`);
    expect(text).toContain('Le 15 décembre 2026');
    // pdf.js gives every kind of space back as U+0020: the exact characters are checked
    // on the rendered text (the event) and the font's glyphs (letterPdf.test.ts).
    expect(text.replace(/\s+/g, ' ')).toContain('une aide de 45 000,00 € vous est attribuée');
    expect(text).toContain('(En couple)');
    expect(text).toContain('Objet : Attribution de l’aide');

    const [event] = await server.database.db
      .select({ payload: dossierEvents.payload })
      .from(dossierEvents)
      .where(
        and(
          eq(dossierEvents.tenantId, world.tenantId),
          eq(dossierEvents.dossierId, dossier.dossierId),
          eq(dossierEvents.type, 'letter_generated'),
        ),
      );
    expect(event?.payload).toMatchObject({
      attachmentId: file!.id,
      sha256: file!.sha256,
      text: expect.stringContaining('une aide de 45\u202f000,00\u00a0€ vous est attribuée.'),
    });

    const agent = await signedIn(world, 'agent');
    const asAgent = await agent.fetch(`/api/attachments/${file!.id}`);
    expect(asAgent.status).toBe(200);
    expect(await pdfText(asAgent)).toContain(dossier.reference);
  });

  it('a redelivered letter job makes no second PDF', async () => {
    const dossier = await seedEffectDossier(server.database.db, world, {
      data: { nom: 'Martin', prenom: 'Léa', revenuMensuel: 300, situation: 'seul' },
    });
    const job = jobDataFor(world, dossier, { type: 'letter', template: 'attribution' });
    const deps: EffectDeps = {
      db: server.database.db,
      config: { webhookSecret: TEST_WEBHOOK_SECRET },
      clock: server.clock.now,
      mailer: null,
      allowPrivateTargets: false,
      storeFile: (bytes) => storeBytes(attachmentsRoot(server.deps.config), bytes),
      log: () => {},
    };
    expect(job.effectKey).toBe(effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));

    expect(await performEffect(deps, job)).toMatchObject({ status: 'done' });
    expect(await performEffect(deps, job)).toEqual({ status: 'already-done' });

    expect(await lettersOf(dossier.dossierId)).toHaveLength(1);
  });

  it('agents of another unit or another tenant get NOT_FOUND', async () => {
    const dossier = await seedEffectDossier(server.database.db, world);
    await enqueueCommitted(
      server.database.db,
      effectsFor(world, dossier, [{ type: 'letter', template: 'accord' }]),
    );
    const [file] = await untilLetter(dossier.dossierId);

    const otherUnit = await signedIn(world, 'agentMairie');
    expect((await otherUnit.fetch(`/api/attachments/${file!.id}`)).status).toBe(404);
    const otherTenantAgent = await signedIn(otherTenant, 'agent');
    expect((await otherTenantAgent.fetch(`/api/attachments/${file!.id}`)).status).toBe(404);
    const otherCitizen = await signedIn(world, 'otherCitizen');
    expect((await otherCitizen.fetch(`/api/attachments/${file!.id}`)).status).toBe(404);
  });
});
