import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousDossiers } from '../../db/index.ts';
import { definitionWithFiles } from '../attachments/testing/attachmentFixtures.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { createMailer, type Mailer } from '../effects/index.ts';
import { type SmtpSink, startSmtpSink } from '../effects/testing/startSmtpSink.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { sendTrackingCodeMail } from './index.ts';

// The tracking code mailed to a visitor who filed without an account (docs/SECURITY.md
// §111): the job written with the first code, performed by the worker's own handler into
// a real SMTP server, and the mailed code opening the dossier beside the one shown.

const openWithoutAccount = structuredClone(definitionWithFiles);
openWithoutAccount.access = { anonymous: true };
/** The same form whose e-mail field is plain text: there is no address to mail. */
const withoutAddress = structuredClone(openWithoutAccount);
const emailField = (withoutAddress.form.schema as { properties: Record<string, object> }).properties
  .email as { format?: string };
delete emailField.format;

let server: DossierServer;
let world: SeededTenant;
let plain: SeededTenant;
let sink: SmtpSink;
let mailer: Mailer;
let visitors = 0;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db, { definition: openWithoutAccount });
  plain = await seedTenant(server.database.db, { definition: withoutAddress });
  sink = await startSmtpSink();
  mailer = createMailer({ host: sink.host, port: sink.port, from: 'g@guichet.test' });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await server?.close();
});

function visitor(): TestClient {
  visitors += 1;
  return server.client({ ip: `127.0.2.${visitors}` });
}

async function submittedWithoutAccount(browser: TestClient, tenant: string) {
  const { dossierId } = await browser.trpc.anonymous.start.mutate({
    tenant,
    demarche: 'aide-sociale',
  });
  await browser.trpc.dossiers.saveDraft.mutate({
    id: dossierId,
    data: VALID_SOCIAL_AID,
    revision: 0,
  });
  const submitted = await browser.trpc.dossiers.submit.mutate({
    id: dossierId,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
  const { code } = await browser.trpc.anonymous.issueCode.mutate();
  return { dossierId, reference: submitted.reference!, code };
}

async function jobsFor(dossierId: string): Promise<Array<Record<string, unknown>>> {
  const { rows } = await server.database.executeSql(
    `select data from pgboss.job where name = 'tracking-code-mail' and data->>'dossierId' = $1`,
    [dossierId],
  );
  return rows.map((row) => (row as { data: Record<string, unknown> }).data);
}

const deps = () => ({
  db: server.database.db,
  mailer,
  clock: server.clock.now,
  publicOrigin: null,
});

describe('the tracking code mailed (§111)', () => {
  it('mails the reference and a code of its own to the form’s address; both codes open the dossier', async () => {
    const browser = visitor();
    const { dossierId, reference, code } = await submittedWithoutAccount(browser, world.slug);
    // Asking for the code again writes no second job: one mail per dossier.
    const { code: shown } = await browser.trpc.anonymous.issueCode.mutate();
    const jobs = await jobsFor(dossierId);
    expect(jobs).toHaveLength(1);
    // Ids only: the code is drawn when the mail goes out.
    expect(Object.keys(jobs[0]!).sort()).toEqual(['dossierId', 'tenantId']);

    const count = sink.messages.length;
    expect(await sendTrackingCodeMail(deps(), jobs[0])).toEqual({ status: 'done' });
    const [mail] = (await sink.waitFor(count + 1)).slice(count);
    expect(mail!.recipients).toEqual([VALID_SOCIAL_AID.email]);
    expect(mail!.subject).toBe(`Votre demande ${reference} — Commune ${world.slug}`);
    expect(mail!.text).toContain(`Sa référence : ${reference}`);
    const mailed = /Son code de suivi : ([0-9A-Z-]{39})/.exec(mail!.text)?.[1];
    expect(mailed).toBeDefined();
    expect(mail!.text).toContain(`/suivi#code=${mailed}`);
    expect(mailed).not.toBe(shown);

    // Only hashes are kept, and neither code replaced the other.
    const [row] = await server.database.db
      .select()
      .from(anonymousDossiers)
      .where(eq(anonymousDossiers.dossierId, dossierId));
    expect(row?.mailedCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(mailed!.replaceAll('-', ''));
    for (const typed of [mailed!, shown]) {
      const phone = visitor();
      expect(await phone.trpc.anonymous.follow.mutate({ tenant: world.slug, code: typed })).toEqual(
        {
          dossierId,
        },
      );
    }
    // The first code shown was replaced by the second, as before.
    await expect(
      visitor().trpc.anonymous.follow.mutate({ tenant: world.slug, code }),
    ).rejects.toThrow(/Ce code de suivi ne correspond à aucun dossier/);
  });

  it('mails nothing and keeps no code when the answers give no e-mail address', async () => {
    const { dossierId } = await submittedWithoutAccount(visitor(), plain.slug);
    const [job] = await jobsFor(dossierId);
    const count = sink.messages.length;
    expect(await sendTrackingCodeMail(deps(), job)).toEqual({
      status: 'skipped',
      reason: 'NO_ADDRESS',
    });
    expect(sink.messages).toHaveLength(count);
    const [row] = await server.database.db
      .select({ hash: anonymousDossiers.mailedCodeHash })
      .from(anonymousDossiers)
      .where(eq(anonymousDossiers.dossierId, dossierId));
    expect(row?.hash).toBeNull();
  });
});
