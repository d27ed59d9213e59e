import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayAidDefinition } from '../../../../shared/testing/holidayAidDefinition.ts';
import { dossiers } from '../../../db/index.ts';
import { FAST_RETRY } from '../../effects/testing/effectsDefinition.ts';
import { type SmtpSink, startSmtpSink } from '../../effects/testing/startSmtpSink.ts';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { type RunningWorker, startWorker } from '../../worker/startWorker.ts';
import { jobsOf } from '../testing/dossierTestKit.ts';
import { rejection } from '../testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../testing/startDossierServer.ts';

// Issue 14: a citizen saved a price of their own into a computed field, the server
// accepted it and the acknowledgement mail repeated it. Now the server computes it at
// every save and the mail says the computed amount. Runs on PGlite, and on PostgreSQL
// when DATABASE_URL is set. The server's clock is on 2 March 2026.

let server: DossierServer;
let sink: SmtpSink;
let worker: RunningWorker;
let world: SeededTenant;
let citizen: TestClient;
let agent: TestClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startDossierServer();
  world = await seedTenant(server.database.db, { definition: holidayAidDefinition });
  [citizen, agent] = await Promise.all([
    server.signIn(world, 'citizen'),
    server.signIn(world, 'agent'),
  ]);
  worker = await startWorker({
    database: server.database,
    config: {
      ...server.deps.config,
      smtp: { host: sink.host, port: sink.port, from: 'Guichet <ne-pas-repondre@guichet.test>' },
    },
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    stopTimeoutMs: 10_000,
  });
});

afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await sink?.close();
});

const filled = {
  email: 'claire@example.fr',
  naissance: '2018-03-10',
  debut: '2026-07-05',
  fin: '2026-07-19',
  budget: 3000,
  montant: 1500,
  quotient: 600,
  dateAttestation: '2026-01-15',
};

async function stored(id: string): Promise<Record<string, unknown>> {
  const [row] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row?.data as Record<string, unknown>;
}

async function draftWith(data: Record<string, unknown>) {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-vacances' });
  const saved = await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  return { id, saved };
}

const submit = (id: string, revision: number) =>
  citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision,
    idempotencyKey: randomUUID(),
  });

describe('issue 14: computed values are the server’s', () => {
  it('replaces a client-sent price by the computed one, in the stored data and in the mail', async () => {
    const { id, saved } = await draftWith({ ...filled, taux: 0, participation: 1 });
    expect(saved.savedFields).toContain('participation');
    expect(await stored(id)).toMatchObject({ taux: 1, participation: 1500 });

    const submitted = await submit(id, saved.revision);
    const mails = await sink.waitFor(2);
    const receipt = mails.find((m) => m.subject === `Demande ${submitted.reference} reçue`);
    expect(receipt?.text).toContain('Participation de la ville : 1500 €.');
    expect(receipt?.text).not.toContain(': 1 €');
    // The conditional mail to the cashier's office went out: participation > 1000.
    const cashier = mails.find((m) => m.subject === `Participation élevée ${submitted.reference}`);
    expect(cashier?.recipients).toEqual(['regie@mairie.example']);
  });

  it('recomputes when the fields it reads change, whatever the client sends along', async () => {
    const { id, saved } = await draftWith({ ...filled });
    const again = await citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { ...filled, quotient: 900, taux: 1, participation: 1500 },
      revision: saved.revision,
    });
    expect(again.savedFields).toEqual(['participation', 'quotient', 'taux']);
    expect(await stored(id)).toMatchObject({ quotient: 900, taux: 0.5, participation: 750 });
  });

  it('leaves out a conditional effect whose `when` does not hold', async () => {
    const { id, saved } = await draftWith({ ...filled, quotient: 900 });
    await submit(id, saved.revision);
    // participation 750: the receipt only, no mail to the cashier's office.
    expect(await jobsOf(server.ownerDatabase, id)).toEqual([
      { name: 'effect-notify', type: 'notify' },
    ]);
  });

  it('refuses a value sent for a readOnly field the form does not compute', async () => {
    const readOnly = structuredClone(holidayAidDefinition);
    readOnly.meta.slug = 'aide-vacances-instruite';
    const properties = (readOnly.form.schema as { properties: Record<string, object> }).properties;
    properties['avisService'] = { type: 'string', readOnly: true };
    const other = await seedTenant(server.database.db, { definition: readOnly });
    const client = await server.signIn(other, 'citizen');
    const { id } = await client.trpc.dossiers.create.mutate({
      demarche: 'aide-vacances-instruite',
    });
    const refused = await rejection(
      client.trpc.dossiers.saveDraft.mutate({
        id,
        data: { ...filled, avisService: 'favorable' },
        revision: 0,
      }),
    );
    expect(refused).toMatchObject({
      domainCode: 'FIELD_NOT_EDITABLE',
      fieldErrors: {
        avisService: ['Ce champ est en lecture seule : il ne peut pas être modifié.'],
      },
    });
  });
});

describe('issue 14: cross-field rules with the admin’s message', () => {
  it('warns on save (the draft is saved) and refuses the submission, beside the field', async () => {
    const { id, saved } = await draftWith({ ...filled, fin: '2026-07-01' });
    expect(saved).toMatchObject({
      revision: 1,
      warnings: { fin: ['La fin du séjour doit être après son début.'] },
    });
    const refused = await rejection(submit(id, saved.revision));
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      domainCode: 'INVALID_DATA',
      fieldErrors: { fin: ['La fin du séjour doit être après son début.'] },
    });
  });

  it('judges ages and document dates from the server’s day', async () => {
    // 2 March 2026: the next rentrée is 1 September 2026.
    const { id, saved } = await draftWith({
      ...filled,
      naissance: '2013-09-01', // 13 on 2026-09-01
      dateAttestation: '2016-03-02', // exactly 10 years old
    });
    const refused = await rejection(submit(id, saved.revision));
    expect(refused.fieldErrors).toEqual({
      naissance: ['L’enfant doit avoir entre 2 et 12 ans à la rentrée scolaire.'],
      dateAttestation: ['L’attestation doit dater de moins de 10 ans.'],
    });
  });

  it('an agent’s refusal mails only when the input says so', async () => {
    const { id, saved } = await draftWith({ ...filled, quotient: 900 });
    const submitted = await submit(id, saved.revision);
    await agent.trpc.dossiers.act.mutate({
      id,
      transition: 'refuser',
      revision: submitted.revision,
      input: { motif: 'hors-criteres' },
    });
    expect(await jobsOf(server.ownerDatabase, id)).toEqual([
      { name: 'effect-notify', type: 'notify' },
    ]);
  });
});
