import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import { insertPublishedDemarche } from '../../demo/index.ts';
import { useDossierApi } from '../testing/dossierApi.ts';
import { VALID_SOCIAL_AID } from '../testing/dossierTestKit.ts';
import { rejection } from '../testing/rejection.ts';

const api = useDossierApi();
const SLUG = 'aide-piegee';

/**
 * The social-aid démarche as the attacker of issue 13 published it, before publish
 * refused such things: a catastrophic pattern on `nom` (item 2) and a guard on
 * `accepter` that refers to itself (item 5). Inserted straight into the database, as a
 * version stored by an older release would be.
 */
function trappedDefinition(): DemarcheDefinition {
  const definition = structuredClone(socialAidDefinition);
  definition.meta.slug = SLUG;
  const form = definition.form.schema as { properties: Record<string, Record<string, unknown>> };
  form.properties['nom']!['pattern'] = '^(a|a)*$';
  const accept = definition.workflow.transitions.find((t) => t.id === 'accepter')!;
  accept.guard = { $ref: '#' };
  return definition;
}

let inserted: Promise<unknown> | undefined;

async function trappedDossier(data: Record<string, unknown>) {
  const { citizen, server, world } = api();
  inserted ??= insertPublishedDemarche(server.database.db, world.tenantId, trappedDefinition());
  await inserted;
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: SLUG });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  return id;
}

describe('issue 13: a version stored before publish-time checks', () => {
  it('refuses a 40-character hostile answer to ^(a|a)*$ as a plain validation error', async () => {
    const hostile = `${'a'.repeat(40)}!`;
    const id = await trappedDossier({ ...VALID_SOCIAL_AID, nom: hostile });
    const refused = await rejection(
      api().citizen.trpc.dossiers.submit.mutate({
        id,
        transition: 'deposer',
        revision: 1,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_DATA' });
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['nom']);
  });

  it('still reads a dossier whose action has a self-referencing guard, and refuses only that action', async () => {
    const id = await trappedDossier({ ...VALID_SOCIAL_AID, nom: 'aaaa' });
    const { citizen, agent } = api();
    await citizen.trpc.dossiers.submit.mutate({
      id,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    await agent.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 });

    const view = await agent.trpc.dossiers.get.query({ id });
    const accept = view.allowedActions.find((a) => a.transition === 'accepter');
    expect(accept?.blockedBy).toEqual([
      {
        field: '',
        rule: 'brokenGuard',
        message: expect.stringContaining('prévenez l’administrateur'),
      },
    ]);
    const refuse = view.allowedActions.find((a) => a.transition === 'refuser');
    expect(refuse).toBeDefined();

    const refused = await rejection(
      agent.trpc.dossiers.act.mutate({ id, transition: 'accepter', revision: 3 }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GUARD_BROKEN' });
    expect(refused.message).toMatch(/« Accepter » est indisponible/);
    expect(await api().storedRow(id)).toMatchObject({ state: 'en_instruction', revision: 3 });
  });
});
