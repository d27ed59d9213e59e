import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { attachments, dossiers } from '../../../db/index.ts';
import { memberships, users } from '../../../db/schema/people.ts';
import { tenants, units } from '../../../db/schema/tenants.ts';
import { hashPassword } from '../../auth/index.ts';
import { enqueueEffects } from '../../effects/index.ts';
import { FAST_RETRY } from '../../effects/testing/effectsDefinition.ts';
import type { ReceivedMail } from '../../effects/testing/parseMail.ts';
import { type SmtpSink, startSmtpSink } from '../../effects/testing/startSmtpSink.ts';
import { startTestServer, type TestServer } from '../../testing/startTestServer.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { fireDueTimers } from '../../timers/index.ts';
import { type RunningWorker, startWorker } from '../../worker/startWorker.ts';
import { DEMO_PASSWORD, DEMO_TENANT, seedDemo } from '../seedDemo.ts';

/**
 * A template walked as the demo tenant runs it: the API server on a test clock, the
 * worker performing mails and letters, and a real SMTP server receiving them.
 */
export interface DemoWalk {
  server: TestServer;
  sink: SmtpSink;
  /** One more staff account of the demo tenant (demo password), in the unit `unitCode`. */
  addStaff(email: string, role: 'agent' | 'supervisor', unitCode: string): Promise<void>;
  /** Logs `email` in from its own loopback address (the login limiter counts per address). */
  signIn(email: string): Promise<TestClient>;
  act(
    client: TestClient,
    id: string,
    transition: string,
    revision: number,
    input?: Record<string, unknown>,
  ): ReturnType<TestClient['trpc']['dossiers']['act']['mutate']>;
  /**
   * The first mail whose subject contains `subject` (is `subject`, when `exact`), sent to
   * `to` if given; waits up to 15 s.
   */
  mailAbout(subject: string, to?: string, exact?: boolean): Promise<ReceivedMail>;
  /** The text of the letter `template` the worker made for the dossier, read from its PDF by `reader`. */
  letterText(
    reader: TestClient,
    dossier: { id: string; reference: string },
    template: string,
  ): Promise<string>;
  /** The dossier row as stored. */
  stored(id: string): Promise<typeof dossiers.$inferSelect>;
  /** Fires the due timers at the test clock's time, as the timer loop does. */
  runTimers(): Promise<unknown>;
  close(): Promise<void>;
}

const POLL_MS = 250;
const ATTEMPTS = 60;

/**
 * Starts the walk: demo tenant seeded, worker polling every 0.5 s, SMTP sink.
 *
 * @example
 * const walk = await startDemoWalk(new Date('2026-03-02T09:00:00Z'));
 * const citizen = await walk.signIn('citoyen@demo.guichet.localhost');
 */
export async function startDemoWalk(start?: Date): Promise<DemoWalk> {
  const sink = await startSmtpSink();
  const server = await startTestServer(start === undefined ? {} : { start });
  await seedDemo(server.database.db);
  const worker: RunningWorker = await startWorker({
    database: server.database,
    config: {
      ...server.deps.config,
      smtp: { host: sink.host, port: sink.port, from: 'Guichet <ne-pas-repondre@guichet.test>' },
    },
    clock: server.clock.now,
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    stopTimeoutMs: 10_000,
    log: () => {},
  });
  let lastIp = 10;
  const stored = async (id: string) => {
    const [row] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    if (row === undefined) throw new Error(`no dossier ${id}`);
    return row;
  };
  return {
    server,
    sink,
    async addStaff(email, role, unitCode) {
      const db = server.database.db;
      const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT));
      const [unit] = await db
        .select()
        .from(units)
        .where(and(eq(units.tenantId, tenant!.id), eq(units.code, unitCode)));
      const [user] = await db
        .insert(users)
        .values({
          tenantId: tenant!.id,
          email,
          displayName: email.split('@')[0]!,
          kind: 'staff',
          passwordHash: await hashPassword(DEMO_PASSWORD),
          emailConfirmedAt: new Date(),
        })
        .returning();
      await db
        .insert(memberships)
        .values({ tenantId: tenant!.id, userId: user!.id, role, unitId: unit!.id });
    },
    async signIn(email) {
      lastIp += 1;
      const client = server.client({
        ip: `127.0.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 2}`,
      });
      await client.trpc.auth.login.mutate({ tenant: DEMO_TENANT, email, password: DEMO_PASSWORD });
      return client;
    },
    act: (client, id, transition, revision, input) =>
      client.trpc.dossiers.act.mutate({ id, transition, revision, ...(input ? { input } : {}) }),
    async mailAbout(subject, to, exact = false) {
      const about = (mail: ReceivedMail) =>
        exact ? mail.subject === subject : mail.subject.includes(subject);
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const found = sink.messages.find(
          (mail) => about(mail) && (to === undefined || mail.recipients.includes(to)),
        );
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      throw new Error(`no mail about « ${subject} »${to ? ` to ${to}` : ''} within 15 s`);
    },
    async letterText(reader, dossier, template) {
      const fileName = `${template}-${dossier.reference}.pdf`;
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const letters = await server.database.db
          .select({ id: attachments.id })
          .from(attachments)
          .where(and(eq(attachments.dossierId, dossier.id), eq(attachments.fileName, fileName)));
        const letter = letters.at(-1);
        if (letter) {
          const response = await reader.fetch(`/api/attachments/${letter.id}`);
          expect(response.status).toBe(200);
          const bytes = new Uint8Array(await response.arrayBuffer());
          const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
          return text.replace(/\s+/g, ' ');
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      throw new Error(`no letter ${fileName} within 15 s`);
    },
    stored,
    runTimers: () =>
      fireDueTimers({
        database: server.database,
        clock: server.clock.now,
        enqueue: enqueueEffects,
        log: () => {},
      }),
    async close() {
      await worker.stop();
      await server.close();
      await sink.close();
    },
  };
}
