import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { demarcheVersions } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { ensureJobSchema } from '../effects/index.ts';
import { expectErr, expectOk } from '../testing/expectResult.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { dashboardFigures } from './dashboardFigures.ts';
import { levelChoices } from './dashboardLevel.ts';
import { parisPeriod, parisWeek } from './parisPeriod.ts';
import { comparable, type OracleFigures, oracleFigures } from './testing/dashboardOracle.ts';
import { fireStep, playMembershipLives, seedMembershipDrafts } from './testing/membershipLoad.ts';
import { type MembershipWorld, membershipWorld } from './testing/membershipWorld.ts';

// The dashboard of the union-membership template on generated dossiers (validations,
// transfers between local unions, suspensions, resignations…), every figure compared
// with plain SQL counts at the local, regional and confederation levels and for the
// whole tenant, month by month; then one member traced by hand, and who may see what.
// The 10,000-dossier run of the same check is `npm run bench:dashboard`.

const START = new Date('2026-01-05T08:00:00Z');
const NOW = new Date('2026-04-20T10:00:00Z');
const FINAL_STATES = ['refusee', 'retiree', 'demissionnaire'];
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

describeOnEachDriver('dashboard figures per level', (database, kind) => {
  let world: MembershipWorld;

  beforeAll(async () => {
    await ensureJobSchema(database());
    world = await membershipWorld(database().db);
    const drafts = await seedMembershipDrafts(database(), world, 80);
    await playMembershipLives(database(), world, drafts, {
      start: START,
      spanDays: 45,
      concurrency: kind === 'postgres' ? 4 : 1,
    });
  });

  const figures = async (
    session: SessionActor,
    input: Parameters<typeof dashboardFigures>[1],
    now = NOW,
  ) => dashboardFigures({ db: database().db, viewer: session, now }, input);

  /** Codes of a unit and the units below it in the demo tree. */
  const subtree = (code: string): string[] => {
    if (code === 'confederation') return world.unionUnits;
    if (code === 'ur-ara') return ['ur-ara', 'ul-lyon-sante', 'ul-lyon-industrie'];
    if (code === 'ur-idf') return ['ur-idf', 'ul-paris-sante', 'ul-paris-services'];
    return [code];
  };

  it('gives, at every level and for every month, the figures plain SQL counts give', async () => {
    const levels = [
      undefined,
      'confederation',
      'ur-ara',
      'ur-idf',
      'ul-lyon-sante',
      'ul-lyon-industrie',
      'ul-paris-sante',
      'ul-paris-services',
    ];
    let transfers = 0;
    for (const unit of levels) {
      for (const month of MONTHS) {
        const period = parisPeriod(new Date(`${month}-15T12:00:00Z`));
        const answer = expectOk(
          await figures(world.admin, {
            demarcheId: world.demarcheId,
            ...(unit === undefined ? {} : { unit }),
            period: { from: period.from, to: period.to },
          }),
        );
        const expected = await oracleFigures(database(), {
          tenantId: world.tenantId,
          demarcheId: world.demarcheId,
          codes: unit === undefined ? null : subtree(unit),
          start: period.start,
          end: period.end,
          now: NOW,
          finalStates: FINAL_STATES,
        });
        expect(comparable(answer), `${unit ?? 'tenant'} ${month}`).toEqual(expected);
        transfers += answer.transfers.in;
      }
    }
    // The generated lives do reach every figure.
    expect(transfers).toBeGreaterThan(0);
  });

  it('gives this Paris week’s and month’s figures beside the chosen period’s, as plain SQL counts give', async () => {
    // Wednesday 4 February in Paris: the week of 2–8 February, the month of February,
    // while the form asks for January.
    const now = new Date('2026-02-04T10:00:00Z');
    const week = parisWeek(now);
    const month = parisPeriod(now);
    expect([week.from, week.to, month.from, month.to]).toEqual([
      '2026-02-02',
      '2026-02-08',
      '2026-02-01',
      '2026-02-28',
    ]);
    const january = parisPeriod(new Date('2026-01-15T12:00:00Z'));
    const oracle = (codes: string[] | null, period: { start: Date; end: Date }) =>
      oracleFigures(database(), {
        tenantId: world.tenantId,
        demarcheId: world.demarcheId,
        codes,
        start: period.start,
        end: period.end,
        now,
        finalStates: FINAL_STATES,
      });
    const ofPeriod = ({ submitted, transfers, decisions }: OracleFigures) => ({
      submitted,
      transfers,
      decisions,
    });
    let newThisWeek = 0;
    for (const unit of [undefined, 'ur-ara', 'ul-paris-sante']) {
      const codes = unit === undefined ? null : subtree(unit);
      const answer = expectOk(
        await figures(
          world.admin,
          {
            demarcheId: world.demarcheId,
            ...(unit === undefined ? {} : { unit }),
            period: { from: january.from, to: january.to },
          },
          now,
        ),
      );
      expect(answer.period).toEqual({ from: '2026-01-01', to: '2026-01-31' });
      expect(ofPeriod(comparable(answer))).toEqual(ofPeriod(await oracle(codes, january)));
      expect(answer.recent.week).toEqual({
        period: { from: '2026-02-02', to: '2026-02-08' },
        ...ofPeriod(await oracle(codes, week)),
      });
      expect(answer.recent.month).toEqual({
        period: { from: '2026-02-01', to: '2026-02-28' },
        ...ofPeriod(await oracle(codes, month)),
      });
      // A week is part of its month; the counts say so too.
      expect(answer.recent.week.submitted).toBeLessThanOrEqual(answer.recent.month.submitted);
      newThisWeek += answer.recent.week.submitted;
    }
    // The generated lives do submit dossiers that week.
    expect(newThisWeek).toBeGreaterThan(0);
  });

  it('defaults to the current Paris month, and sums pending and late work over open states', async () => {
    const answer = expectOk(
      await figures(world.admin, { demarcheId: world.demarcheId, unit: 'ur-ara' }),
    );
    expect(answer.period).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(answer.level).toEqual({ code: 'ur-ara', name: 'Union régionale Auvergne-Rhône-Alpes' });
    const open = answer.states.filter((state) => state.kind !== 'final');
    expect(answer.pending).toBe(open.reduce((sum, state) => sum + state.count, 0));
    expect(answer.late).toBe(open.reduce((sum, state) => sum + state.overdue, 0));
    expect(answer.pending).toBeGreaterThan(0);
    expect(answer.states.map((state) => state.label)).toContain('Adhérent actif');
  });

  it('counts a member moved from Lyon to Paris out of Lyon’s levels and into Paris’s, not at the confederation', async () => {
    // Rank 0 of a batch: the sample's sector (santé) and a Lyon workplace → ul-lyon-sante.
    const [draft] = await seedMembershipDrafts(database(), world, 1);
    let revision = 1;
    const step = async (
      who: 'member' | 'desk',
      transition: string,
      day: string,
      input?: Record<string, unknown>,
    ) => {
      const done = await fireStep(database(), world, draft!, {
        who,
        transition,
        at: new Date(`${day}T09:00:00Z`),
        revision,
        input,
      });
      revision = done.revision;
      return done;
    };
    expect((await step('member', 'deposer', '2027-06-02')).unitCode).toBe('ul-lyon-sante');
    await step('desk', 'valider', '2027-06-03');
    const moving = await step('desk', 'demander_transfert', '2027-06-10', {
      syndicatAccueil: 'ul-paris-sante',
      raison: 'demenagement',
    });
    expect(moving.unitCode).toBe('ul-paris-sante');
    await step('desk', 'accepter_transfert', '2027-06-11');
    await step('member', 'demissionner', '2027-07-01', {});

    const at = async (unit: string, period: { from: string; to: string }) => {
      const answer = expectOk(
        await figures(
          world.admin,
          { demarcheId: world.demarcheId, unit, period },
          new Date('2027-07-15T10:00:00Z'),
        ),
      );
      return {
        entered: Object.fromEntries(
          answer.states.filter((s) => s.entered > 0).map((s) => [s.state, s.entered]),
        ),
        submitted: answer.submitted,
        transfers: answer.transfers,
        decisions: answer.decisions.count,
      };
    };
    const june = { from: '2027-06-01', to: '2027-06-30' };
    expect(await at('ul-lyon-sante', june)).toEqual({
      entered: { deposee: 1, adherent_actif: 1 },
      submitted: 1,
      transfers: { in: 0, out: 1 },
      decisions: 0,
    });
    expect(await at('ul-paris-sante', june)).toEqual({
      entered: { transfert: 1, adherent_actif: 1 },
      submitted: 0,
      transfers: { in: 1, out: 0 },
      decisions: 0,
    });
    expect((await at('ur-ara', june)).transfers).toEqual({ in: 0, out: 1 });
    expect((await at('ur-idf', june)).transfers).toEqual({ in: 1, out: 0 });
    // Within the confederation the move is internal; the member joined once.
    expect(await at('confederation', june)).toEqual({
      entered: { deposee: 1, adherent_actif: 1, transfert: 1 },
      submitted: 1,
      transfers: { in: 0, out: 0 },
      decisions: 0,
    });
    // The resignation in July is Paris's, timed from the June submission.
    const july = expectOk(
      await figures(
        world.admin,
        {
          demarcheId: world.demarcheId,
          unit: 'ul-paris-sante',
          period: { from: '2027-07-01', to: '2027-07-31' },
        },
        new Date('2027-07-15T10:00:00Z'),
      ),
    );
    expect(july.decisions).toEqual({
      count: 1,
      averageMs: 29 * 86_400_000,
      medianMs: 29 * 86_400_000,
    });
    expect((await at('ul-lyon-sante', { from: '2027-07-01', to: '2027-07-31' })).decisions).toBe(0);
  });

  it('lets an agent see their unit and the units below, and nothing else, as if it did not exist', async () => {
    const lyonAgent: SessionActor = {
      ...world.desk,
      sessionId: 'lyon',
      roles: ['agent'],
      unitCodes: ['ul-lyon-sante'],
    };
    const region: SessionActor = {
      ...world.desk,
      sessionId: 'ara',
      roles: ['supervisor'],
      unitCodes: subtree('ur-ara'),
    };
    expectOk(await figures(lyonAgent, { unit: 'ul-lyon-sante' }));
    expectOk(await figures(region, { unit: 'ul-lyon-industrie' }));
    for (const [who, unit] of [
      [lyonAgent, 'ur-ara'],
      [lyonAgent, 'ul-paris-sante'],
      [lyonAgent, 'confederation'],
      [region, 'ur-idf'],
      [lyonAgent, 'pas-une-unite'],
      [world.admin, 'pas-une-unite'],
    ] as const) {
      expect(expectErr(await figures(who, { unit })), `${who.sessionId} ${unit}`).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Niveau introuvable.',
      });
    }
    expect(expectErr(await figures(lyonAgent, { demarcheId: randomUUID() })).code).toBe(
      'NOT_FOUND',
    );
    // Without a unit, an agent gets what they cover: their figures are Lyon santé's plus unrouted work.
    const mine = expectOk(await figures(lyonAgent, { demarcheId: world.demarcheId }));
    const lyon = expectOk(
      await figures(lyonAgent, { demarcheId: world.demarcheId, unit: 'ul-lyon-sante' }),
    );
    expect(mine.pending).toBe(lyon.pending);
    expect(mine.level).toBeNull();
    expect((await levelChoices(database().db, region)).map((l) => [l.code, l.depth])).toEqual([
      ['ur-ara', 0],
      ['ul-lyon-industrie', 1],
      ['ul-lyon-sante', 1],
    ]);
  });

  it('answers another tenant’s admin as for units and démarches that exist nowhere', async () => {
    const other = await seedTenant(database().db);
    const stranger: SessionActor = {
      sessionId: 'stranger',
      tenantId: other.tenantId,
      userId: other.accounts.admin.id,
      kind: 'staff',
      roles: ['admin'],
      unitIds: [],
      unitCodes: [],
    };
    expect(expectErr(await figures(stranger, { unit: 'ul-lyon-sante' })).code).toBe('NOT_FOUND');
    expect(expectErr(await figures(stranger, { demarcheId: world.demarcheId })).code).toBe(
      'NOT_FOUND',
    );
    const own = expectOk(await figures(stranger, {}));
    expect(
      own.states.every((state) => !['adherent_actif', 'transfert'].includes(state.state)),
    ).toBe(true);
  });

  it('keeps apart two démarches whose states share ids and labels', async () => {
    // The membership démarche as the demo published it, under another slug and title.
    const [published] = await database()
      .db.select({ definition: demarcheVersions.definition })
      .from(demarcheVersions)
      .where(eq(demarcheVersions.demarcheId, world.demarcheId));
    const twin = structuredClone(published!.definition) as unknown as DemarcheDefinition;
    twin.meta.slug = 'adhesion-syndicale-bis';
    twin.meta.title = 'Adhésion syndicale (copie)';
    twin.meta.referencePrefix = 'ADHB';
    await insertPublishedDemarche(database().db, world.tenantId, twin);
    const alone = expectOk(await figures(world.admin, { demarcheId: world.demarcheId }));
    const both = expectOk(await figures(world.admin, {}));
    const active = (answer: typeof both, title: string) =>
      answer.states.find(
        (state) => state.state === 'adherent_actif' && state.demarcheTitle === title,
      );
    expect(active(both, 'Adhésion syndicale')).toMatchObject({
      count: active(alone, 'Adhésion syndicale')!.count,
      entered: active(alone, 'Adhésion syndicale')!.entered,
    });
    expect(active(both, 'Adhésion syndicale')!.count).toBeGreaterThan(0);
    expect(active(both, 'Adhésion syndicale (copie)')).toMatchObject({ count: 0, entered: 0 });
  });
});
