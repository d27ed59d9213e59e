import { describe, expect, it } from 'vitest';
import { callProcedure } from './testing/callProcedure.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import { useSampleTenant } from './testing/useSampleTenant.ts';

const given = useSampleTenant();

/** The sample world's comment, written by the agent on the citizen's submitted dossier. */
const COMMENT_TEXT = 'revenus à vérifier avec la CAF';

describe('private comments never reach the citizen (docs/SECURITY.md §41)', () => {
  it('walks every procedure the citizen may call and finds no trace of them', async () => {
    const { callers, world } = given();
    // Staff work on the dossier first, so there is something to leak: a second comment,
    // an assignment, a follow.
    const agent = callers.agent.trpc.dossiers;
    const second = await agent.comments.add.mutate({
      dossierId: world.submitted.id,
      body: 'Deuxième note : appeler le bailleur.',
    });
    const claimed = await agent.claim.mutate({
      dossierId: world.submitted.id,
      revision: world.submitted.revision,
    });
    await agent.follow.mutate({ dossierId: world.submitted.id });

    const secrets = [world.commentId, second.id, COMMENT_TEXT, 'appeler le bailleur'];
    const staffOnly = ['comment_added', 'assignment_changed', 'followed'];
    const leaks: string[] = [];
    let seen = '';
    // All but the ones that would end the walk's own session.
    const signOut = ['auth.logout', 'auth.changePassword', 'auth.login'];
    const citizenProcedures = sampledCatalog().filter(
      (entry) => entry.sample.callers.includes('citizen') && !signOut.includes(entry.path),
    );
    expect(citizenProcedures.length).toBeGreaterThan(5);
    for (const entry of citizenProcedures) {
      // Queries with the sample input, and again on the revision the staff just made
      // (a citizen's stale write is told the last change: never a staff-only one).
      const input = entry.sample.input?.(world);
      const inputs =
        typeof input === 'object' && input !== null && 'revision' in input
          ? [input, { ...input, revision: claimed.revision }]
          : [input];
      for (const each of inputs) {
        const outcome = await callProcedure(callers.citizen, entry, each);
        const text = JSON.stringify(outcome);
        seen += text;
        for (const secret of [...secrets, ...staffOnly]) {
          if (text.includes(secret)) leaks.push(`${entry.path}: ${secret}`);
        }
      }
    }
    // A withdrawal on the revision the citizen last saw: refused as stale, told the last
    // change they may know of, not the claim that beat them.
    const stale = await callProcedure(
      callers.citizen,
      { path: 'dossiers.act', type: 'mutation' },
      { id: world.submitted.id, revision: world.submitted.revision, transition: 'retirer' },
    );
    expect(stale).toMatchObject({ ok: false, domainCode: 'STALE_REVISION' });
    const staleText = JSON.stringify(stale);
    for (const secret of [...secrets, ...staffOnly, 'Antoine Agent']) {
      if (staleText.includes(secret)) leaks.push(`dossiers.act (stale): ${secret}`);
    }
    expect(leaks).toEqual([]);
    // The walk did read the dossier the comments are on.
    expect(seen).toContain(world.submitted.id);
    expect(seen).toContain('message_sent');
    // And the staff do see them.
    const staffView = JSON.stringify(
      await agent.comments.list.query({ dossierId: world.submitted.id }),
    );
    expect(staffView).toContain(COMMENT_TEXT);
  });
});
