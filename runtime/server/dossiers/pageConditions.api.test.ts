import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAGED_AID_ALONE, pagedAidDefinition } from '../../../shared/testing/pagedAidDefinition.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { useDossierApi } from './testing/dossierApi.ts';
import { rejection } from './testing/rejection.ts';

const api = useDossierApi();
const SLUG = pagedAidDefinition.meta.slug;
let published: Promise<unknown> | undefined;

/** A new draft of the paged démarche holding `data`, at revision 1. */
async function pagedDraft(data: Record<string, unknown>) {
  const { citizen, server, world } = api();
  published ??= insertPublishedDemarche(server.database.db, world.tenantId, pagedAidDefinition);
  await published;
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: SLUG });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  return id;
}

function submit(id: string, revision: number) {
  return api().citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision,
    idempotencyKey: randomUUID(),
  });
}

/**
 * A citizen walks a démarche with a page shown only to couples and a page with checks,
 * over the real HTTP API, on the driver `DATABASE_URL` selects (PGlite or PostgreSQL).
 */
describe('page conditions and checks, enforced by the server', () => {
  it('checks a page when leaving it: its own fields, in French, on the field', async () => {
    const id = await pagedDraft({ nom: 'Martin', telephone: '06 12 34' });
    const checked = await api().citizen.trpc.dossiers.checkPage.query({ id, page: 'identite' });
    expect(checked).toEqual({
      page: 'identite',
      visible: true,
      fieldErrors: {
        prenom: ['Ce champ est obligatoire.'],
        email: ['Ce champ est obligatoire.'],
        telephone: [
          'Le numéro de téléphone n’est pas valide (10 chiffres commençant par 0, ou +33).',
        ],
      },
    });
    // The next page has nothing filled yet, but its errors wait for it.
    expect(await api().citizen.trpc.dossiers.checkPage.query({ id, page: 'foyer' })).toMatchObject({
      fieldErrors: { situation: ['Ce champ est obligatoire.'] },
    });
  });

  it('runs a page’s checks when leaving it and again at submission', async () => {
    const id = await pagedDraft({ ...PAGED_AID_ALONE, revenuMensuel: 3500 });
    const checked = await api().citizen.trpc.dossiers.checkPage.query({ id, page: 'ressources' });
    expect(checked.fieldErrors).toEqual({
      revenuMensuel: ['La valeur doit être inférieure ou égale à 3\u202f000.'],
    });
    const refused = await rejection(submit(id, 1));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_DATA' });
    expect(refused.fieldErrors).toEqual(checked.fieldErrors);
  });

  it('requires the fields of a conditional page only while it is shown', async () => {
    const id = await pagedDraft({ ...PAGED_AID_ALONE, situation: 'couple' });
    expect(await api().citizen.trpc.dossiers.checkPage.query({ id, page: 'conjoint' })).toEqual({
      page: 'conjoint',
      visible: true,
      fieldErrors: { conjoint: ['Ce champ est obligatoire.'] },
    });
    const refused = await rejection(submit(id, 1));
    expect(refused.fieldErrors).toEqual({ conjoint: ['Ce champ est obligatoire.'] });
  });

  it('drops the answers of a page hidden at submission: agents never see them', async () => {
    const id = await pagedDraft({ ...PAGED_AID_ALONE, situation: 'couple', conjoint: 'Paul' });
    const { citizen, agent } = api();
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: { situation: 'seul' }, revision: 1 });
    expect(await citizen.trpc.dossiers.checkPage.query({ id, page: 'conjoint' })).toEqual({
      page: 'conjoint',
      visible: false,
      fieldErrors: {},
    });
    const submitted = await submit(id, 2);
    expect(submitted.state).toBe('depose');
    expect((await api().storedRow(id)).data).toEqual(PAGED_AID_ALONE);
    const view = await agent.trpc.dossiers.get.query({ id });
    expect(JSON.stringify(view)).not.toContain('Paul');
    const history = await citizen.trpc.dossiers.history.query({ id });
    const deposit = history.find((entry) => entry.type === 'transition');
    expect(deposit?.changes?.['data.conjoint']).toEqual({ before: 'Paul', after: null });
  });

  it('answers NOT_FOUND for a page the form does not have', async () => {
    const id = await pagedDraft({ nom: 'Martin' });
    const refused = await rejection(
      api().citizen.trpc.dossiers.checkPage.query({ id, page: 'inconnue' }),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(refused.message).toContain('« inconnue »');
  });

  it('tells the admin’s own rules about the page’s fields when leaving it, not only at submission', async () => {
    const { citizen, server, world } = api();
    const withRule = structuredClone(pagedAidDefinition);
    withRule.meta.slug = 'aide-paginee-regle';
    withRule.form.rules = [
      {
        id: 'prenom-different',
        field: 'prenom',
        assert: { '!=': [{ var: 'prenom' }, { var: 'nom' }] },
        message: 'Le prénom et le nom ne peuvent pas être identiques.',
      },
    ];
    await insertPublishedDemarche(server.database.db, world.tenantId, withRule);
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-paginee-regle' });
    await citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { ...PAGED_AID_ALONE, nom: 'Martin', prenom: 'Martin' },
      revision: 0,
    });
    const identite = await citizen.trpc.dossiers.checkPage.query({ id, page: 'identite' });
    expect(identite.fieldErrors).toEqual({
      prenom: ['Le prénom et le nom ne peuvent pas être identiques.'],
    });
    // Another page does not carry it.
    const foyer = await citizen.trpc.dossiers.checkPage.query({ id, page: 'foyer' });
    expect(foyer.fieldErrors).toEqual({});
  });
});
