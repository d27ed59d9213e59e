import { randomUUID } from 'node:crypto';
import { STAFF } from './callers.ts';
import type { ProcedureSample } from './procedureSample.ts';
import { fresh, SUBMITTED_STAFF } from './sampleCallers.ts';

/** The agents' daily tools: queues and their exports, the dashboard, tasks. */
export const STAFF_WORK_SAMPLES: Record<string, ProcedureSample> = {
  'queues.list': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id, assignee: world.agentId }),
  },
  'queues.exports.start': {
    callers: STAFF,
    // The démarche only narrows the rows, and a small queue (B's, or none) answers
    // « immediate » alike; above 1,000 rows, a job (queues/exportJobs.test.ts).
    references: 'none',
    actor: 'agent',
    input: (world) => ({
      filters: { demarcheId: world.demarche.id },
      format: 'csv',
      idempotencyKey: fresh('export'),
    }),
  },
  'queues.exports.get': {
    callers: STAFF,
    // Null to all but its requester, as for an id that exists nowhere (§132).
    references: 'none',
    actor: 'agent',
    input: () => ({ exportId: randomUUID() }),
  },
  'queues.exports.latest': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({}),
  },
  'queues.views.list': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'queues.views.save': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({ name: fresh('Vue'), search: '?seulement=mine' }),
  },
  'queues.views.remove': {
    callers: STAFF,
    // One agent's view is NOT_FOUND to everyone else: queues/savedViews.test.ts.
    references: 'none',
    actor: 'agent',
    input: () => ({ id: randomUUID() }),
  },
  'queues.counts': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id }),
  },

  'dashboard.choices': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'dashboard.figures': {
    callers: STAFF,
    // A démarche id and a unit code: another tenant's, or a unit the caller does not
    // cover (agentMairie and `ccas`), answer NOT_FOUND (docs/SECURITY.md §125).
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id, unit: 'ccas' }),
  },

  'tasks.mine': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
};
