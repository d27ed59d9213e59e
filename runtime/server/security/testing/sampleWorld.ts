import { randomBytes, randomUUID } from 'node:crypto';
import { socialAidAs } from '../../demarches/testing/demarcheFixtures.ts';
import { VALID_SOCIAL_AID } from '../../dossiers/testing/dossierTestKit.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';
import type { Callers } from './callers.ts';

interface DossierRef {
  id: string;
  revision: number;
}

/**
 * The objects of one tenant that procedure samples refer to. Built through the API, as
 * the tenant's own users would, so every id is real and reachable by its rightful owner.
 */
export interface SampleWorld {
  tenantSlug: string;
  /** The seeded citizen's email, for `auth.login`. */
  citizenEmail: string;
  /** The seeded agent (unit `ccas`), to whom `instructing` is assigned. */
  agentId: string;
  /** A démarche whose slug no other tenant has (`aide-sociale` exists everywhere). */
  demarche: { id: string; slug: string; version: number; draftRevision: number };
  /** The citizen's draft, holding a complete valid answer. */
  draft: DossierRef;
  /** A draft the agent opened at the counter for a person, holding a complete valid answer. */
  counterDraft: DossierRef;
  /** The citizen's dossier in `depose`, routed to unit `ccas`. */
  submitted: DossierRef;
  /** The citizen's dossier `en_instruction`, assigned to the agent. */
  instructing: DossierRef;
  /** A message of the citizen on `submitted`. */
  messageId: string;
  /** A file the citizen attached to `submitted` before submitting it (field `justificatif`). */
  attachmentId: string;
  /** The seeded tenant's units, by code (for the units and staff samples). */
  units: { ccas: string; familles: string; mairie: string };
  /** The seeded `agentMairie`: the staff samples change his access and disable him. */
  agentMairieId: string;
  /** A private comment of the agent on `submitted`: never shown to the citizen. */
  commentId: string;
  /** A document of the citizen's safe (`SAMPLE_PNG`), attachable to `justificatif`. */
  documentId: string;
  /** Another document of the citizen's safe, for the sample that deletes one. */
  spareDocumentId: string;
  /** A bulk job the agent started on `submitted` (never performed: no worker runs). */
  bulkJobId: string;
  /** An invitation the admin sent and nobody answered, for the sample that cancels it. */
  pendingInvitationId: string;
}

/**
 * The social-aid démarche under `slug`, with a file field so a world can hold an
 * attachment.
 *
 * @example
 * await admin.demarches.saveDraft.mutate({ id, draft: sampleDefinition('propre-1'), revision: 0 });
 */
export function sampleDefinition(slug: string) {
  return socialAidAs(slug, (definition) => {
    const schema = definition.form.schema as { properties: Record<string, unknown> };
    schema.properties['justificatif'] = {
      type: 'array',
      title: 'Justificatif',
      items: { type: 'string', format: 'attachment-id' },
      'x-file': { accept: ['image/*'] },
    };
    // A choice from a data source: `dataSources.search` needs a published source.
    schema.properties['niveau'] = { type: 'string', title: 'Niveau', 'x-source': 'niveaux' };
    definition.dataSources = [
      { id: 'niveaux', kind: 'static', options: [{ value: 'cp', label: 'CP' }] },
    ];
    // One page with every field: `dossiers.checkPage` needs a page to check.
    definition.form.pages = [
      { id: 'demande', title: 'Votre demande', fields: Object.keys(schema.properties) },
    ];
    // Agents and supervisors open dossiers at the counter: the `counter.*` samples.
    definition.access = { staff: { roles: ['agent', 'supervisor'], applicant: 'person' } };
  });
}

/** A 1×1 PNG: a file type the attachment policy accepts. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * `POST /api/dossiers/:id/attachments` of `SAMPLE_PNG` for the `justificatif` field.
 *
 * @example
 * const response = await uploadSample(citizen, dossierId);
 */
export function uploadSample(client: TestClient, dossierId: string): Promise<Response> {
  const query = new URLSearchParams({ field: 'justificatif', name: 'avis.png' });
  return client.fetch(`/api/dossiers/${dossierId}/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(SAMPLE_PNG),
  });
}

/**
 * Publishes a démarche of its own in `tenant` and opens three dossiers on it at three
 * stages, plus a message and an attachment; `callers` must be signed in to that tenant.
 *
 * @example
 * const worldB = await buildSampleWorld(tenantB, callersB);
 */
export async function buildSampleWorld(
  tenant: SeededTenant,
  callers: Pick<Callers, 'admin' | 'citizen' | 'agent'>,
): Promise<SampleWorld> {
  const slug = `propre-${randomBytes(4).toString('hex')}`;
  const admin = callers.admin.trpc.demarches;
  const created = await admin.create.mutate({ slug, title: `Démarche ${tenant.slug}` });
  const saved = await admin.saveDraft.mutate({
    id: created.id,
    draft: sampleDefinition(slug),
    revision: created.draftRevision,
  });
  await admin.publish.mutate({ id: created.id, revision: saved.draftRevision });

  const dossiers = callers.citizen.trpc.dossiers;
  const open = async (): Promise<DossierRef> => {
    const { id } = await dossiers.create.mutate({ demarche: slug });
    const { revision } = await dossiers.saveDraft.mutate({
      id,
      data: VALID_SOCIAL_AID,
      revision: 0,
    });
    return { id, revision };
  };
  const submit = async (ref: DossierRef): Promise<DossierRef> => {
    const done = await dossiers.submit.mutate({
      ...ref,
      transition: 'deposer',
      idempotencyKey: randomUUID(),
    });
    return { id: ref.id, revision: done.revision };
  };
  const draft = await open();
  const counter = callers.agent.trpc.counter;
  const opened = await counter.start.mutate({
    demarche: slug,
    applicant: { name: 'Jeanne Martin' },
  });
  const counterFilled = await counter.saveDraft.mutate({
    id: opened.id,
    data: VALID_SOCIAL_AID,
    revision: 0,
  });
  const counterDraft = { id: opened.id, revision: counterFilled.revision };
  const toSubmit = await open();
  const uploaded = await uploadSample(callers.citizen, toSubmit.id);
  if (uploaded.status !== 201) throw new Error(`sample upload refused: ${await uploaded.text()}`);
  const attachment = (await uploaded.json()) as { id: string };
  const submitted = await submit(toSubmit);
  const toInstruct = await submit(await open());
  const taken = await callers.agent.trpc.dossiers.act.mutate({
    ...toInstruct,
    transition: 'prendre_en_charge',
  });
  const message = await dossiers.messages.send.mutate({
    dossierId: submitted.id,
    body: 'Voici mon avis d’imposition.',
  });
  const comment = await callers.agent.trpc.dossiers.comments.add.mutate({
    dossierId: submitted.id,
    body: 'Note interne : revenus à vérifier avec la CAF.',
  });
  const documentId = await putSampleInSafe(callers.citizen, 'Justificatif de domicile');
  const spareDocumentId = await putSampleInSafe(callers.citizen, 'Ancienne pièce');
  const bulkJob = await callers.agent.trpc.dossiers.bulkJobs.start.mutate({
    items: [{ dossierId: submitted.id, revision: submitted.revision }],
    action: { kind: 'claim' },
    idempotencyKey: randomUUID(),
  });
  const invitation = await callers.admin.trpc.staff.invite.mutate({
    email: `en-attente-${randomBytes(4).toString('hex')}@example.fr`,
    displayName: 'Invitation en attente',
    access: [{ role: 'agent', unitId: null }],
  });
  return {
    tenantSlug: tenant.slug,
    citizenEmail: tenant.accounts.citizen.email,
    agentId: tenant.accounts.agent.id,
    demarche: { id: created.id, slug, version: 1, draftRevision: saved.draftRevision },
    draft,
    counterDraft,
    submitted,
    instructing: { id: toInstruct.id, revision: taken.revision },
    messageId: message.id,
    attachmentId: attachment.id,
    units: {
      ccas: tenant.unitIds.ccas,
      familles: tenant.unitIds['ccas-familles'],
      mairie: tenant.unitIds.mairie,
    },
    agentMairieId: tenant.accounts.agentMairie.id,
    commentId: comment.id,
    documentId,
    spareDocumentId,
    bulkJobId: bulkJob.jobId,
    pendingInvitationId: invitation.id,
  };
}

/** `POST /api/documents` of `SAMPLE_PNG` into the citizen's safe; returns its id. */
async function putSampleInSafe(citizen: TestClient, label: string): Promise<string> {
  const query = new URLSearchParams({ name: 'piece.png', label });
  const response = await citizen.fetch(`/api/documents?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(SAMPLE_PNG),
  });
  if (response.status !== 201) throw new Error(`sample document refused: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * The same world with every id and slug replaced by one that exists nowhere: what a
 * caller guessing identifiers would send. Revisions are kept, so a call differs from
 * the real world's only by the identifiers.
 *
 * @example
 * const random = nowhereLike(worldB);
 */
export function nowhereLike(world: SampleWorld): SampleWorld {
  const dossier = (ref: DossierRef): DossierRef => ({ id: randomUUID(), revision: ref.revision });
  return {
    tenantSlug: `inconnu-${randomBytes(4).toString('hex')}`,
    citizenEmail: `personne-${randomBytes(4).toString('hex')}@example.fr`,
    agentId: randomUUID(),
    demarche: {
      ...world.demarche,
      id: randomUUID(),
      slug: `inconnue-${randomBytes(4).toString('hex')}`,
    },
    draft: dossier(world.draft),
    counterDraft: dossier(world.counterDraft),
    submitted: dossier(world.submitted),
    instructing: dossier(world.instructing),
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
}

/**
 * Every identifier of a tenant a response could leak: its ids, slugs and the seeded
 * accounts' ids and emails, plus the world's objects.
 *
 * @example
 * for (const id of identifiersOf(tenantB, worldB)) expect(JSON.stringify(body)).not.toContain(id);
 */
export function identifiersOf(tenant: SeededTenant, world: SampleWorld): string[] {
  return [
    tenant.tenantId,
    tenant.slug,
    tenant.demarche.id,
    ...Object.values(tenant.unitIds),
    ...Object.values(tenant.accounts).flatMap((account) => [account.id, account.email]),
    world.demarche.id,
    world.demarche.slug,
    world.draft.id,
    world.submitted.id,
    world.instructing.id,
    world.messageId,
    world.attachmentId,
    world.commentId,
    world.documentId,
    world.spareDocumentId,
    world.bulkJobId,
    world.pendingInvitationId,
  ];
}
