import { randomUUID } from 'node:crypto';
import { VALID_SOCIAL_AID } from '../../dossiers/testing/dossierTestKit.ts';
import { CITIZENS, SIGNED_IN, STAFF } from './callers.ts';
import type { ProcedureSample } from './procedureSample.ts';
import { fresh, SUBMITTED_READERS, SUBMITTED_STAFF } from './sampleCallers.ts';

/** The procedures on dossiers: the citizens' and the agents' (messages, comments, assignment, bulk), and dossiers opened at the counter. */
export const DOSSIER_SAMPLES: Record<string, ProcedureSample> = {
  'dossiers.create': {
    callers: CITIZENS,
    references: 'ids',
    readers: CITIZENS,
    actor: 'citizen',
    input: (world) => ({ demarche: world.demarche.slug }),
  },
  'dossiers.get': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.submitted.id }),
  },
  'dossiers.receipt': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.submitted.id }),
  },
  'dossiers.mine': { callers: CITIZENS, references: 'none', actor: 'citizen' },
  'dossiers.saveDraft': {
    callers: SIGNED_IN,
    references: 'ids',
    // A draft is the applicant's alone: no staff member sees it before submission.
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ ...world.draft, data: VALID_SOCIAL_AID }),
  },
  'dossiers.checkPage': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ id: world.draft.id, page: 'demande' }),
  },
  'dossiers.submit': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ ...world.draft, transition: 'deposer', idempotencyKey: randomUUID() }),
  },
  'dossiers.act': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ ...world.submitted, transition: 'prendre_en_charge' }),
  },
  'dossiers.history': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.submitted.id }),
  },
  'dossiers.messages.list': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'citizen',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.messages.send': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'citizen',
    input: (world) => ({ dossierId: world.submitted.id, body: 'Une précision sur ma demande.' }),
  },
  'dossiers.comments.list': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.comments.add': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id, body: 'À rappeler lundi.' }),
  },
  'dossiers.claim': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id, revision: world.submitted.revision }),
  },
  'dossiers.assign': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'supervisor',
    input: (world) => ({
      dossierId: world.submitted.id,
      revision: world.submitted.revision,
      to: { kind: 'agent', userId: world.agentId },
    }),
  },
  'dossiers.release': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.instructing.id, revision: world.instructing.revision }),
  },
  'dossiers.follow': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.unfollow': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.followed': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'dossiers.assignees': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.bulk': {
    callers: STAFF,
    // Each dossier's refusal is a line of the report, not an error: another tenant's id
    // must read exactly as an id that exists nowhere (collaboration/bulkAct.test.ts).
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({
      items: [{ dossierId: world.submitted.id, revision: world.submitted.revision }],
      action: { kind: 'claim' },
    }),
  },
  'dossiers.bulkJobs.start': {
    callers: STAFF,
    // Answers a new job id whatever the ids; the worker refuses another tenant's dossier
    // exactly as one that exists nowhere (collaboration/bulkJobs.test.ts), and the report
    // echoes no id.
    references: 'none',
    actor: 'agent',
    input: (world) => ({
      items: [{ dossierId: world.submitted.id, revision: world.submitted.revision }],
      action: { kind: 'claim' },
      idempotencyKey: fresh('bulk-job'),
    }),
  },
  'dossiers.bulkJobs.get': {
    callers: STAFF,
    // The agent started it; admins read every job; other staff get NOT_FOUND (§131).
    references: 'ids',
    readers: ['admin', 'agent'],
    actor: 'agent',
    input: (world) => ({ jobId: world.bulkJobId }),
  },
  'dossiers.bulkJobs.latest': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({}),
  },

  // Dossiers opened at the counter (runtime/server/counter/): staff pass the gate; the
  // sample démarche is open to agents and supervisors, and a counter draft is the opening
  // agent's alone.
  'counter.demarches': { callers: STAFF, references: 'none', actor: 'agent' },
  'counter.start': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent', 'supervisor', 'agentMairie'],
    actor: 'agent',
    input: (world) => ({ demarche: world.demarche.slug, applicant: { name: 'Jeanne Martin' } }),
  },
  'counter.get': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({ id: world.counterDraft.id }),
  },
  'counter.saveDraft': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({ ...world.counterDraft, data: { ...VALID_SOCIAL_AID, nom: 'Durand' } }),
  },
  'counter.submit': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({
      ...world.counterDraft,
      transition: 'deposer',
      idempotencyKey: randomUUID(),
    }),
  },
};
