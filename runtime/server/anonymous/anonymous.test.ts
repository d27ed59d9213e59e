import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { anonymousDossiers, users } from '../../db/index.ts';
import { definitionWithFiles, PNG, uploadFile } from '../attachments/testing/attachmentFixtures.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { ANONYMOUS_PASS_COOKIE, sha256Hex } from './anonymousPass.ts';

const openWithoutAccount = structuredClone(definitionWithFiles);
openWithoutAccount.access = { anonymous: true };
const accountsOnly = structuredClone(socialAidDefinition);
accountsOnly.meta.slug = 'compte-requis';

let server: DossierServer;
let world: SeededTenant;
let other: SeededTenant;
let agent: TestClient;
let citizen: TestClient;
let visitors = 0;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db, { definition: openWithoutAccount });
  other = await seedTenant(server.database.db, { definition: openWithoutAccount });
  await insertPublishedDemarche(server.database.db, world.tenantId, accountsOnly);
  agent = await server.signIn(world, 'agent');
  citizen = await server.signIn(world, 'citizen');
});
afterAll(() => server.close());

/** A browser without an account, from its own loopback address (rate limits are per address). */
function visitor(): TestClient {
  visitors += 1;
  return server.client({ ip: `127.0.1.${visitors}` });
}

async function submittedWithoutAccount(browser: TestClient, tenant = world.slug) {
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

describe('a dossier without an account (§53)', () => {
  it('is filled, given a file and submitted by a visitor holding only its pass cookie', async () => {
    const browser = visitor();
    const { dossierId } = await browser.trpc.anonymous.start.mutate({
      tenant: world.slug,
      demarche: 'aide-sociale',
    });
    const setCookie = browser.lastResponse()!.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(new RegExp(`^${ANONYMOUS_PASS_COOKIE}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(await browser.trpc.auth.me.query()).toBeNull();

    const upload = await uploadFile(browser, dossierId, PNG, { name: 'piece.png' });
    expect(upload.status).toBe(201);
    const { id: fileId } = (await upload.json()) as { id: string };
    await browser.trpc.dossiers.saveDraft.mutate({
      id: dossierId,
      data: { ...VALID_SOCIAL_AID, justificatif: [fileId] },
      revision: 0,
    });
    const refusedEarly = await rejection(browser.trpc.anonymous.issueCode.mutate());
    expect(refusedEarly.domainCode).toBe('CONFLICT');
    const submitted = await browser.trpc.dossiers.submit.mutate({
      id: dossierId,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    expect(submitted.state).toBe('depose');

    const { code, reference } = await browser.trpc.anonymous.issueCode.mutate();
    expect(reference).toBe(submitted.reference);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const [stored] = await server.database.db
      .select()
      .from(anonymousDossiers)
      .where(eq(anonymousDossiers.dossierId, dossierId));
    expect(stored!.codeHash).toBe(sha256Hex(code.replaceAll('-', '')));
    expect(JSON.stringify(stored)).not.toContain(code.replaceAll('-', ''));

    const queue = await agent.trpc.queues.list.query({});
    const item = queue.items.find((candidate) => candidate.id === dossierId);
    expect(item?.applicantName).toBe('Déposé sans compte');
  });

  it('resumes the draft the pass holds instead of opening a second one', async () => {
    const browser = visitor();
    const first = await browser.trpc.anonymous.start.mutate({
      tenant: world.slug,
      demarche: 'aide-sociale',
    });
    const again = await browser.trpc.anonymous.start.mutate({
      tenant: world.slug,
      demarche: 'aide-sociale',
    });
    expect(again.dossierId).toBe(first.dossierId);
    expect(await browser.trpc.anonymous.current.query()).toEqual({
      dossierId: first.dossierId,
      reference: null,
      submitted: false,
      hasCode: false,
    });
  });

  it('is refused on a démarche that requires an account, with the answer of an unknown one', async () => {
    const browser = visitor();
    const closed = await rejection(
      browser.trpc.anonymous.start.mutate({ tenant: world.slug, demarche: 'compte-requis' }),
    );
    const unknown = await rejection(
      browser.trpc.anonymous.start.mutate({ tenant: 'nulle-part', demarche: 'aide-sociale' }),
    );
    expect(closed.code).toBe('NOT_FOUND');
    expect(unknown).toEqual(closed);
    expect(browser.cookies.has(ANONYMOUS_PASS_COOKIE)).toBe(false);
  });

  it('lets the pass call the dossier procedures of its own dossier and nothing else', async () => {
    const browser = visitor();
    const { dossierId } = await browser.trpc.anonymous.start.mutate({
      tenant: world.slug,
      demarche: 'aide-sociale',
    });
    const mine = await rejection(browser.trpc.dossiers.mine.query());
    expect(mine.code).toBe('UNAUTHORIZED');
    const another = await rejection(
      browser.trpc.dossiers.create.mutate({ demarche: 'compte-requis' }),
    );
    expect(another.code).toBe('UNAUTHORIZED');
    const safe = await rejection(browser.trpc.documents.list.query());
    expect(safe.code).toBe('UNAUTHORIZED');
    const { id: citizensDraft } = await citizen.trpc.dossiers.create.mutate({
      demarche: 'aide-sociale',
    });
    const foreign = await rejection(browser.trpc.dossiers.get.query({ id: citizensDraft }));
    expect(foreign.code).toBe('NOT_FOUND');
    const foreignUpload = await uploadFile(browser, citizensDraft, PNG, { name: 'piece.png' });
    expect(foreignUpload.status).toBe(404);
    expect((await browser.trpc.dossiers.get.query({ id: dossierId })).isApplicant).toBe(true);
  });

  it('cannot be signed in to: its placeholder account has no password', async () => {
    const browser = visitor();
    const { dossierId } = await browser.trpc.anonymous.start.mutate({
      tenant: world.slug,
      demarche: 'aide-sociale',
    });
    const [row] = await server.database.db
      .select({ email: users.email, passwordHash: users.passwordHash })
      .from(anonymousDossiers)
      .innerJoin(users, eq(users.id, anonymousDossiers.applicantId))
      .where(eq(anonymousDossiers.dossierId, dossierId));
    expect(row).toMatchObject({ passwordHash: null });
    expect(row!.email).toMatch(/@guichet\.invalid$/);
    const refused = await rejection(
      visitor().trpc.auth.login.mutate({ tenant: world.slug, email: row!.email, password: '' }),
    );
    expect(refused.code).not.toBe('OK');
  });
});

describe('following a dossier with its tracking code (§54)', () => {
  it('opens the dossier on another browser, which then reads it, writes and answers a complement', async () => {
    const { dossierId, code } = await submittedWithoutAccount(visitor());
    const phone = visitor();
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const followed = await phone.trpc.anonymous.follow.mutate({ tenant: world.slug, code: typed });
    expect(followed).toEqual({ dossierId });
    const seen = await phone.trpc.dossiers.get.query({ id: dossierId });
    expect(seen.state.id).toBe('depose');

    await phone.trpc.dossiers.messages.send.mutate({ dossierId, body: 'Bonjour, une question.' });
    const taken = await agent.trpc.dossiers.act.mutate({
      id: dossierId,
      transition: 'prendre_en_charge',
      revision: seen.revision,
    });
    const asked = await agent.trpc.dossiers.act.mutate({
      id: dossierId,
      transition: 'demander_complement',
      revision: taken.revision,
      input: { message: 'Merci de préciser vos revenus.' },
    });
    const reopened = await phone.trpc.dossiers.get.query({ id: dossierId });
    expect(reopened.state.id).toBe('complement');
    const saved = await phone.trpc.dossiers.saveDraft.mutate({
      id: dossierId,
      data: { revenuMensuel: 950 },
      revision: asked.revision,
    });
    const answered = await phone.trpc.dossiers.act.mutate({
      id: dossierId,
      transition: 'completer',
      revision: saved.revision,
    });
    expect(answered.state).toBe('en_instruction');
    const messages = await phone.trpc.dossiers.messages.list.query({ dossierId });
    expect(messages.map((message) => message.body)).toContain('Bonjour, une question.');
  });

  it('answers a wrong, malformed, replaced or other tenant’s code exactly as an unknown one', async () => {
    const browser = visitor();
    const { code: first } = await submittedWithoutAccount(browser);
    const { code: second } = await browser.trpc.anonymous.issueCode.mutate();
    const { code: elsewhere } = await submittedWithoutAccount(visitor(), other.slug);
    const attempts = ['ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', 'pas un code', first, elsewhere];
    const answers = [];
    for (const attempt of attempts) {
      answers.push(
        await rejection(
          visitor().trpc.anonymous.follow.mutate({ tenant: world.slug, code: attempt }),
        ),
      );
    }
    expect(answers[0]).toMatchObject({ code: 'NOT_FOUND' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const ok = await visitor().trpc.anonymous.follow.mutate({ tenant: world.slug, code: second });
    expect(ok.dossierId).toBeTruthy();
  });

  it('counts the attempts per client address: the eleventh within a minute is refused', async () => {
    const guesser = visitor();
    for (let attempt = 0; attempt < 10; attempt++) {
      const refused = await rejection(
        guesser.trpc.anonymous.follow.mutate({ tenant: world.slug, code: `essai ${attempt}` }),
      );
      expect(refused.code).toBe('NOT_FOUND');
    }
    const limited = await rejection(
      guesser.trpc.anonymous.follow.mutate({ tenant: world.slug, code: 'encore' }),
    );
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(guesser.lastResponse()!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('stops working on this browser once it is left; the code opens it again', async () => {
    const browser = visitor();
    const { dossierId, code } = await submittedWithoutAccount(browser);
    await browser.trpc.anonymous.leave.mutate();
    expect(browser.cookies.has(ANONYMOUS_PASS_COOKIE)).toBe(false);
    expect(await browser.trpc.anonymous.current.query()).toBeNull();
    const closed = await rejection(browser.trpc.dossiers.get.query({ id: dossierId }));
    expect(closed.code).toBe('UNAUTHORIZED');
    await browser.trpc.anonymous.follow.mutate({ tenant: world.slug, code });
    expect((await browser.trpc.dossiers.get.query({ id: dossierId })).id).toBe(dossierId);
  });
});
