import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ok } from '../../../shared/result.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { enqueueEffects, ensureJobSchema } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { actOnDossier } from './actOnDossier.ts';
import { createDossier } from './createDossier.ts';
import { inTransaction } from './inTransaction.ts';
import { lockForTransition } from './lockForTransition.ts';
import { saveDraft } from './saveDraft.ts';
import { submitDossier } from './submitDossier.ts';
import {
  contextOf,
  expectOk,
  type SeededRole,
  sessionOf,
  VALID_SOCIAL_AID,
} from './testing/dossierTestKit.ts';

describeOnEachDriver('lockForTransition', (database, kind) => {
  let world: SeededTenant;
  const as = (who: SeededRole) => contextOf(database().db, world, who);

  beforeAll(async () => {
    await ensureJobSchema(database());
    world = await seedTenant(database().db);
  });

  async function draft() {
    const created = expectOk(await createDossier(as('citizen'), { demarche: 'aide-sociale' }));
    expectOk(
      await saveDraft(as('citizen'), { id: created.id, data: VALID_SOCIAL_AID, revision: 0 }),
    );
    return created.id;
  }

  async function lastSeq(id: string): Promise<number> {
    const { rows } = await database().executeSql(
      'select coalesce(max(seq), 0)::int as seq from dossier_events where dossier_id = $1',
      [id],
    );
    return (rows[0] as { seq: number }).seq;
  }

  /** Locks `id` as `who` in a transaction that then rolls back. */
  async function lockAs(who: SeededRole, id: string, year?: number) {
    let seen: Awaited<ReturnType<typeof lockForTransition>> | undefined;
    await inTransaction(database().db, async (tx) => {
      seen = await lockForTransition(
        tx,
        sessionOf(world, who),
        id,
        year === undefined ? undefined : { year },
      );
      return { ok: false, error: 'roll back' };
    });
    return seen!;
  }

  it('reads the last event seq with the lock, and draws a reference for the applicant’s draft', async () => {
    const id = await draft();
    const lock = await lockAs('citizen', id, 2026);
    expect(lock.loaded.ok).toBe(true);
    expect(lock.lastEventSeq).toBe(await lastSeq(id));
    expect(lock.reference).toMatch(/^AIDE-2026-\d{6}$/);
    // Drawing is not numbering: the dossier is numbered by the submit's own write.
    const { rows } = await database().executeSql('select reference from dossiers where id = $1', [
      id,
    ]);
    expect(rows).toEqual([{ reference: null }]);
  });

  it('draws nothing for someone else’s draft, a numbered dossier, or when not asked', async () => {
    const id = await draft();
    const stranger = await lockAs('otherCitizen', id, 2026);
    expect(stranger.loaded.ok).toBe(false);
    expect(stranger.reference).toBeNull();
    expect((await lockAs('citizen', id)).reference).toBeNull();
    const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
    expectOk(await submitDossier(as('citizen'), input, enqueueEffects));
    const numbered = await lockAs('citizen', id, 2026);
    expect(numbered.reference).toBeNull();
    expect(numbered.lastEventSeq).toBe(await lastSeq(id));
  });

  // Needs a second connection holding the lock: PostgreSQL only (PGlite has one).
  if (kind === 'postgres')
    it('numbers its effect jobs after an event committed by the writer it waited for', async () => {
      const id = await draft();
      expectOk(
        await submitDossier(
          as('citizen'),
          { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() },
          enqueueEffects,
        ),
      );
      expectOk(
        await actOnDossier(
          as('agent'),
          { id, transition: 'prendre_en_charge', revision: 2 },
          enqueueEffects,
        ),
      );
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding!: () => void;
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      // Another writer of events (a message, say) holds the row lock and appends one.
      const blocker = inTransaction(database().db, async (tx) => {
        await tx.execute(sql`select 1 from dossiers where id = ${id} for update`);
        await tx.execute(
          sql`insert into dossier_events (tenant_id, dossier_id, type) values (${world.tenantId}, ${id}, 'message')`,
        );
        holding();
        await gate;
        return ok(null);
      });
      await held;
      const acting = actOnDossier(
        as('agent'),
        {
          id,
          transition: 'demander_complement',
          revision: 3,
          input: { message: 'Votre avis d’imposition.' },
        },
        enqueueEffects,
      );
      await expect
        .poll(async () => {
          const { rows } = await database().executeSql(
            `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
          );
          return (rows[0] as { n: number }).n;
        })
        .toBe(1);
      release();
      await blocker;
      expectOk(await acting);
      const { rows } = await database().executeSql(
        `select e.type, e.seq, j.data->>'eventSeq' as job_seq
         from dossier_events e
         left join pgboss.job j on j.data->>'dossierId' = e.dossier_id::text
           and j.data->>'transition' = e.payload->>'transition'
         where e.dossier_id = $1 order by e.seq desc limit 2`,
        [id],
      );
      const [acted, message] = rows as Array<{ type: string; seq: number; job_seq: string | null }>;
      expect(message).toMatchObject({ type: 'message', job_seq: null });
      expect(acted).toEqual({
        type: 'transition',
        seq: message!.seq + 1,
        job_seq: String(message!.seq + 1),
      });
    });
});
