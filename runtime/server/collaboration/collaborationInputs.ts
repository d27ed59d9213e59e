import { z } from 'zod';

/**
 * Input schemas of the agents' collaboration procedures, all strict (docs/SECURITY.md
 * §10). No `assigneeId`: who gets the dossier is named as `to`, so a client cannot slip
 * an assignee into another procedure's input.
 */

export const MAX_COMMENT_LENGTH = 5000;

const dossierId = z.uuid({ error: 'Identifiant de dossier invalide.' });
const revision = z.number().int().min(0);

export const byDossierInput = z.strictObject({ dossierId });
export const addCommentInput = z.strictObject({
  dossierId,
  body: z.string().max(MAX_COMMENT_LENGTH * 2),
});
export const claimInput = z.strictObject({ dossierId, revision });
export const releaseInput = claimInput;
export const assignInput = z.strictObject({
  dossierId,
  revision,
  to: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('agent'),
      userId: z.uuid({ error: 'Identifiant d’agent invalide.' }),
    }),
    z.strictObject({
      kind: z.literal('unit'),
      unitId: z.uuid({ error: 'Identifiant de service invalide.' }),
    }),
  ]),
});
/** For procedures that take nothing: still strict, so smuggled keys are refused. */
export const noInput = z.strictObject({}).prefault({});

export type AssignTarget = z.infer<typeof assignInput>['to'];

/** At most this many dossiers in one bulk action (issue 16: « jusqu’à 500 »). */
export const MAX_BULK_DOSSIERS = 500;

const assignTarget = assignInput.shape.to;

/**
 * Input of `dossiers.bulk`: each dossier with the revision the agent saw in the queue,
 * and one action for all — a transition (with one input for all), or a change of who
 * handles them. Duplicated ids are refused: each dossier is acted on once.
 */
export const bulkInput = z.strictObject({
  items: z
    .array(z.strictObject({ dossierId, revision }))
    .min(1)
    .max(MAX_BULK_DOSSIERS)
    .refine(
      (items) => new Set(items.map((item) => item.dossierId)).size === items.length,
      'Un même dossier est sélectionné deux fois.',
    ),
  action: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('transition'),
      transition: z.string().min(1).max(100),
      input: z.record(z.string(), z.unknown()).optional(),
    }),
    z.strictObject({ kind: z.literal('claim') }),
    z.strictObject({ kind: z.literal('release') }),
    z.strictObject({ kind: z.literal('assign'), to: assignTarget }),
  ]),
});

export type BulkInput = z.infer<typeof bulkInput>;
