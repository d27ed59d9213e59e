import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../router.ts';
import { procedureCatalog } from './procedureCatalog.ts';
import { PROCEDURE_SAMPLES } from './testing/procedureSamples.ts';
import type { SampleWorld } from './testing/sampleWorld.ts';

const catalog = procedureCatalog(appRouter);

/** A world that needs no database: the samples' shapes are checked, not their targets. */
const paperWorld: SampleWorld = {
  tenantSlug: 't-0123456789',
  citizenEmail: 'citizen@t-0123456789.test',
  agentId: randomUUID(),
  demarche: { id: randomUUID(), slug: 'propre-01234567', version: 1, draftRevision: 1 },
  draft: { id: randomUUID(), revision: 1 },
  counterDraft: { id: randomUUID(), revision: 1 },
  submitted: { id: randomUUID(), revision: 2 },
  instructing: { id: randomUUID(), revision: 3 },
  messageId: randomUUID(),
  attachmentId: randomUUID(),
  units: { ccas: randomUUID(), familles: randomUUID(), mairie: randomUUID() },
  agentMairieId: randomUUID(),
  commentId: randomUUID(),
  documentId: randomUUID(),
  spareDocumentId: randomUUID(),
  bulkJobId: randomUUID(),
  pendingInvitationId: randomUUID(),
};

interface StandardSchema {
  '~standard': {
    validate(value: unknown): { issues?: readonly unknown[] } | Promise<{ issues?: unknown }>;
  };
}

async function issuesOf(parser: unknown, value: unknown): Promise<unknown> {
  const standard = (parser as Partial<StandardSchema>)['~standard'];
  if (standard === undefined) return 'input parser is not a Standard Schema';
  return (await standard.validate(value)).issues;
}

describe('the procedure registry', () => {
  it('lists the router’s procedures by dotted path, queries and mutations only', () => {
    expect(catalog.map((entry) => entry.path)).toContain('dossiers.messages.send');
    expect(catalog.find((entry) => entry.path === 'auth.login')).toMatchObject({
      type: 'mutation',
      hasInput: true,
    });
    expect(catalog.filter((entry) => entry.type === 'subscription')).toEqual([]);
  });

  it('has an entry for every procedure of the router, and none for a removed one', () => {
    const routed = catalog.map((entry) => entry.path);
    const missing = routed.filter((path) => !(path in PROCEDURE_SAMPLES));
    const stale = Object.keys(PROCEDURE_SAMPLES).filter((path) => !routed.includes(path));
    expect(missing, 'add them to procedureSamples.ts').toEqual([]);
    expect(stale, 'remove them from procedureSamples.ts').toEqual([]);
  });

  it('builds an input exactly for the procedures that take one, and it passes their schema', async () => {
    for (const entry of catalog) {
      const sample = PROCEDURE_SAMPLES[entry.path]!;
      expect(sample.input !== undefined, entry.path).toBe(entry.hasInput);
      if (sample.input === undefined) continue;
      const input = sample.input(paperWorld);
      for (const parser of entry.inputs) {
        expect(await issuesOf(parser, input), entry.path).toBeUndefined();
      }
    }
  });

  it('names an actor among the callers, and readers only for id-taking procedures', () => {
    for (const [path, sample] of Object.entries(PROCEDURE_SAMPLES)) {
      expect(sample.callers, path).toContain(sample.actor);
      if (sample.references !== 'ids') {
        expect(sample.readers, path).toBeUndefined();
        continue;
      }
      expect(sample.readers, path).toBeDefined();
      expect(sample.readers, path).toContain(sample.actor);
      for (const reader of sample.readers ?? []) expect(sample.callers, path).toContain(reader);
    }
  });
});
