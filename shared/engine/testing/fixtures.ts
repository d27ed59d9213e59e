import type { Actor, DossierSnapshot } from '../types.ts';

/** Actors and dossiers shared by the engine tests (on `socialAidDefinition`). */
export const applicant: Actor = { id: 'citoyen-marie', roles: [], units: [] };
export const otherCitizen: Actor = { id: 'citoyen-paul', roles: [], units: [] };
export const agent: Actor = { id: 'agent-lea', roles: ['agent'], units: ['ccas'] };
export const agentElsewhere: Actor = { id: 'agent-hugo', roles: ['agent'], units: ['mairie'] };
export const supervisor: Actor = {
  id: 'chef-anne',
  roles: ['supervisor'],
  units: ['ccas', 'ccas-familles'],
};
export const admin: Actor = { id: 'admin-yves', roles: ['admin'], units: [] };

/** Form data that satisfies the sample form and the `accepter` income guard. */
export const validData: Record<string, unknown> = {
  nom: 'Dupont',
  prenom: 'Marie',
  email: 'marie.dupont@example.fr',
  revenuMensuel: 1200,
  situation: 'seul',
};

/**
 * A dossier of the sample démarche in `state`, owned by `applicant`, routed to `ccas`.
 *
 * @example
 * dossierIn('en_instruction', { data: { ...validData, revenuMensuel: 2000 } });
 */
export function dossierIn(
  state: string,
  overrides: Partial<DossierSnapshot> = {},
): DossierSnapshot {
  return {
    id: 'dossier-1',
    reference: 'AIDE-2026-000001',
    state,
    revision: 4,
    data: validData,
    applicantId: applicant.id,
    unit: 'ccas',
    assigneeId: null,
    priority: 'normal',
    createdAt: '2026-01-10T08:00:00.000Z',
    enteredStateAt: '2026-01-12T08:00:00.000Z',
    dueAt: null,
    ...overrides,
  };
}

/** The instant the tests act at. */
export const NOW = new Date('2026-01-31T10:00:00.000Z');
