import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/types.ts';
import type { SessionActor } from '../../core/sessionActor.ts';
import {
  actOnDossier,
  type DossierContext,
  submitDossier,
  unitsFromDatabase,
} from '../../dossiers/index.ts';
import { enqueueEffects } from '../../effects/index.ts';
import { LOCAL_UNIONS, type MembershipWorld } from './membershipWorld.ts';

const DAY_MS = 86_400_000;
const SECTORS = ['sante', 'industrie', 'services', 'commerce'] as const;

/** What the generated lives did, for the report. */
export interface LoadSummary {
  dossiers: number;
  transitions: number;
  last: Date;
}

/**
 * Writes `count` membership drafts in three set-based statements — the applicants, the
 * drafts as `create` + one complete `saveDraft` leave them (revision 1; the sample
 * application with the sector and workplace varied so routing spreads them over the
 * local unions and the confederation's desk), their `created` events — as
 * `bench/seedBenchDrafts.ts` does. Returns the drafts with their applicants, in order.
 *
 * @example
 * const drafts = await seedMembershipDrafts(database, world, 10_000);
 */
export async function seedMembershipDrafts(
  database: Database,
  world: MembershipWorld,
  count: number,
): Promise<Array<{ id: string; applicantId: string }>> {
  const batch = randomUUID().slice(0, 8);
  const { rows: applicants } = await database.executeSql(
    `insert into users (tenant_id, email, display_name, kind, email_confirmed_at)
     select $1, 'adherent-' || $2 || '-' || g || '@example.fr', 'Adhérent ' || g, 'citizen', now()
       from generate_series(0, $3::int - 1) g
     returning id`,
    [world.tenantId, batch, count],
  );
  const ids = (applicants as Array<{ id: string }>).map((row) => row.id);
  const { rows } = await database.executeSql(
    `insert into dossiers (tenant_id, demarche_id, version, applicant_id, state, revision, data)
     select $1, $2, $3, a.id, 'brouillon', 1,
            $5::jsonb || jsonb_build_object(
              'nom', 'Martin-' || a.g, 'email', 'adherent.' || a.g || '@example.fr',
              'secteur', ($6::text[])[1 + a.g % 4],
              'codePostalTravail', case when (a.g / 4) % 2 = 0 then '69003' else '75011' end,
              'salaireNetMensuel', 1200 + a.g % 2000)
       from (select id, n - 1 as g from unnest($4::uuid[]) with ordinality as u(id, n)) a
     returning id, applicant_id`,
    [
      world.tenantId,
      world.demarcheId,
      world.version,
      ids,
      JSON.stringify(world.sample),
      [...SECTORS],
    ],
  );
  const drafts = (rows as Array<{ id: string; applicant_id: string }>).map((row) => ({
    id: row.id,
    applicantId: row.applicant_id,
  }));
  await database.executeSql(
    `insert into dossier_events (tenant_id, dossier_id, type, actor_id, at, payload)
     select $1, d.id, 'created', d.applicant_id, now(),
            jsonb_build_object('demarche', 'adhesion-syndicale', 'version', $3::int, 'state', 'brouillon')
       from unnest($2::uuid[], $4::uuid[]) as d(id, applicant_id)`,
    [world.tenantId, drafts.map((d) => d.id), world.version, drafts.map((d) => d.applicantId)],
  );
  return drafts;
}

/**
 * Plays the life of each draft through the dossier services (`submitDossier`,
 * `actOnDossier`: engine, events, counters, outbox, as over HTTP), each step at its own
 * instant: submissions spread over `spanDays` from `start`, then for most a validation,
 * and among members transfers to another local union (most accepted), suspensions and
 * resumptions, resignations; for the others a refusal, a complement (half sent back), a
 * withdrawal, or nothing yet. The choices are a fixed function of the dossier's rank, so
 * a run is reproducible. `concurrency` dossiers are played at once (1 on PGlite).
 *
 * @example
 * await playMembershipLives(database, world, drafts, { start, spanDays: 90, concurrency: 8 });
 */
export async function playMembershipLives(
  database: Database,
  world: MembershipWorld,
  drafts: Array<{ id: string; applicantId: string }>,
  options: { start: Date; spanDays: number; concurrency: number },
): Promise<LoadSummary> {
  let next = 0;
  let transitions = 0;
  let last = options.start;
  const step = (options.spanDays * DAY_MS) / Math.max(drafts.length, 1);
  const worker = async () => {
    while (next < drafts.length) {
      const rank = next;
      next += 1;
      const draft = drafts[rank]!;
      const life = lifeOf(rank);
      const submittedAt = options.start.getTime() + Math.floor(rank * step);
      let revision = 1;
      let unit: string | null = null;
      const fire = async (
        who: 'member' | 'desk',
        transition: string,
        afterDays: number,
        input?: Record<string, unknown>,
      ) => {
        const now = new Date(submittedAt + afterDays * DAY_MS);
        const done = await fireStep(database, world, draft, {
          who,
          transition,
          at: now,
          revision,
          input,
        });
        revision = done.revision;
        unit = done.unitCode;
        transitions += 1;
        if (now > last) last = now;
      };
      await fire('member', 'deposer', 0);
      for (const [who, transition, afterDays, input] of life) {
        const resolved = transition === 'demander_transfert' ? transferInput(unit, rank) : input;
        await fire(who, transition, afterDays, resolved);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { dossiers: drafts.length, transitions, last };
}

/**
 * One transition of a generated dossier through the dossier services, as its member
 * (`member`) or as the confederation's desk (`desk`), at `at`; throws when refused.
 *
 * @example
 * const { revision } = await fireStep(database, world, draft, { who: 'desk', transition: 'valider', at, revision: 2 });
 */
export async function fireStep(
  database: Database,
  world: MembershipWorld,
  draft: { id: string; applicantId: string },
  step: {
    who: 'member' | 'desk';
    transition: string;
    at: Date;
    revision: number;
    input?: Record<string, unknown> | undefined;
  },
): Promise<{ revision: number; unitCode: string | null; state: string }> {
  const session: SessionActor =
    step.who === 'desk'
      ? world.desk
      : {
          sessionId: 'dashboard-load-member',
          tenantId: world.tenantId,
          userId: draft.applicantId,
          kind: 'citizen',
          roles: [],
          unitIds: [],
          unitCodes: [],
        };
  const context: DossierContext = {
    db: database.db,
    session,
    now: step.at,
    requestId: `load-${draft.id}`,
    units: unitsFromDatabase,
  };
  const { transition, revision } = step;
  const result =
    transition === 'deposer'
      ? await submitDossier(
          context,
          { id: draft.id, transition, revision, idempotencyKey: randomUUID() },
          enqueueEffects,
        )
      : await actOnDossier(
          context,
          { id: draft.id, transition, input: step.input, revision },
          enqueueEffects,
        );
  if (!result.ok)
    throw new Error(`dossier ${draft.id}: ${transition} refused: ${result.error.message}`);
  return {
    revision: result.value.revision,
    unitCode: result.value.unitCode,
    state: result.value.state,
  };
}

type Step = readonly ['member' | 'desk', string, number, Record<string, unknown>?];

/** The steps after submission of the dossier of rank `rank`, with their delay in days. */
function lifeOf(rank: number): Step[] {
  const r = unit(rank, 1);
  const later = rank % 5;
  if (r < 0.7) {
    const validated: Step[] = [['desk', 'valider', 2 + later]];
    const r2 = unit(rank, 2);
    if (r2 < 0.12) {
      validated.push(['desk', 'demander_transfert', 20 + later]);
      if (unit(rank, 3) < 0.8) {
        validated.push(['desk', 'accepter_transfert', 23 + later]);
        if (unit(rank, 4) < 0.2) validated.push(['member', 'demissionner', 40 + later, {}]);
      }
    } else if (r2 < 0.2) validated.push(['member', 'demissionner', 30 + later, {}]);
    else if (r2 < 0.26) {
      validated.push(['member', 'suspendre', 25 + later, { motif: 'chomage' }]);
      if (unit(rank, 5) < 0.5) validated.push(['member', 'reprendre', 35 + later]);
    }
    return validated;
  }
  if (r < 0.78)
    return [['desk', 'refuser', 3 + later, { motif: 'Secteur d’activité non couvert.' }]];
  if (r < 0.84) {
    const asked: Step[] = [
      ['desk', 'demander_complement', 4 + later, { message: 'Merci de joindre un justificatif.' }],
    ];
    if (unit(rank, 6) < 0.5) asked.push(['member', 'completer', 10 + later]);
    return asked;
  }
  if (r < 0.88) return [['member', 'retirer', 1 + later]];
  return [];
}

function transferInput(from: string | null, rank: number): Record<string, unknown> {
  const others = LOCAL_UNIONS.filter((code) => code !== from);
  return { syndicatAccueil: others[rank % others.length], raison: 'demenagement' };
}

/** A number in [0, 1) fixed by the rank and a salt: the same run every time. */
function unit(rank: number, salt: number): number {
  let x = (rank + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return ((x ^ (x >>> 15)) >>> 0) / 4_294_967_296;
}
