import { describe, expect, it } from 'vitest';
import { useDossierApi } from '../testing/dossierApi.ts';
import { VALID_SOCIAL_AID } from '../testing/dossierTestKit.ts';
import { rejection } from '../testing/rejection.ts';

const api = useDossierApi();

/**
 * Issue 14: saving one page of a draft sent only that page's fields, and the server
 * replaced the whole data with them — the other pages' answers were wiped while the
 * answer listed them as saved. Runs on the driver `DATABASE_URL` selects (PGlite or
 * PostgreSQL), over the real HTTP API.
 */
describe('issue 14: a partial save wiped the fields it did not send', () => {
  async function draft(data: Record<string, unknown>) {
    const { citizen } = api();
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
    return id;
  }

  it('keeps the fields not sent and lists exactly the fields changed', async () => {
    const id = await draft({ nom: 'Martin', prenom: 'Claire', email: 'claire@example.fr' });
    const saved = await api().citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { revenuMensuel: 900, prenom: 'Claire' },
      revision: 1,
    });
    expect(saved).toEqual({ id, revision: 2, savedFields: ['revenuMensuel'] });
    expect((await api().storedRow(id)).data).toEqual({
      nom: 'Martin',
      prenom: 'Claire',
      email: 'claire@example.fr',
      revenuMensuel: 900,
    });
  });

  it('clears a field sent as null, and the dossier still submits once complete', async () => {
    const id = await draft({ ...VALID_SOCIAL_AID, situation: 'couple', conjoint: 'Paul Martin' });
    const { citizen } = api();
    const cleared = await citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { situation: 'seul', conjoint: null },
      revision: 1,
    });
    expect(cleared).toEqual({ id, revision: 2, savedFields: ['conjoint', 'situation'] });
    expect((await api().storedRow(id)).data).toEqual(VALID_SOCIAL_AID);
    const history = await citizen.trpc.dossiers.history.query({ id });
    expect(JSON.stringify(history)).toContain('Paul Martin'); // the log keeps the before
  });

  it('an empty or unchanged save writes nothing and keeps the revision', async () => {
    const id = await draft({ nom: 'Martin' });
    const { citizen } = api();
    expect(await citizen.trpc.dossiers.saveDraft.mutate({ id, data: {}, revision: 1 })).toEqual({
      id,
      revision: 1,
      savedFields: [],
    });
    expect(
      await citizen.trpc.dossiers.saveDraft.mutate({ id, data: { nom: 'Martin' }, revision: 1 }),
    ).toEqual({ id, revision: 1, savedFields: [] });
  });

  it('still refuses a stale revision, even for a field the newer save did not touch', async () => {
    const id = await draft({ nom: 'Martin' });
    const { citizen } = api();
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: { prenom: 'Claire' }, revision: 1 });
    const refused = await rejection(
      citizen.trpc.dossiers.saveDraft.mutate({ id, data: { email: 'c@example.fr' }, revision: 1 }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect((await api().storedRow(id)).data).toEqual({ nom: 'Martin', prenom: 'Claire' });
  });

  it('checks the types of the merged data, refusing a wrong one on its field', async () => {
    const id = await draft({ nom: 'Martin' });
    const refused = await rejection(
      api().citizen.trpc.dossiers.saveDraft.mutate({
        id,
        data: { revenuMensuel: 'beaucoup' },
        revision: 1,
      }),
    );
    expect(refused).toMatchObject({ domainCode: 'INVALID_DATA' });
    expect(refused.fieldErrors).toEqual({ revenuMensuel: ['Ce champ doit être un nombre.'] });
  });
});
