import { z } from 'zod';

/** Sort keys of a queue; each has a natural default direction (see `DEFAULT_DIRECTION`). */
export const QUEUE_SORTS = ['createdAt', 'dueAt', 'priority', 'updatedAt'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** Newest first, soonest due first, most urgent first, most recently touched first. */
export const DEFAULT_DIRECTION: Record<QueueSort, SortDirection> = {
  createdAt: 'desc',
  dueAt: 'asc',
  priority: 'desc',
  updatedAt: 'desc',
};

export const PRIORITY_NAMES = ['low', 'normal', 'high', 'urgent'] as const;

const stateId = z.string().min(1).max(100);
// Form field names as the definition format allows them; anything else cannot match.
const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/);
const fieldValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

/**
 * Input of `queues.list`. Strict: an unknown key (`tenantId`…) is refused (docs/SECURITY.md §10).
 * The tenant comes from the session, never from here.
 */
export const queueListInput = z.strictObject({
  demarcheId: z.uuid().optional(),
  states: z.array(stateId).min(1).max(50).optional(),
  unit: z.string().min(1).max(100).optional(),
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  overdue: z.boolean().optional(),
  priority: z.array(z.enum(PRIORITY_NAMES)).min(1).max(4).optional(),
  text: z.string().max(200).optional(),
  fields: z
    .record(fieldName, fieldValue)
    .refine((fields) => Object.keys(fields).length <= 10, 'Au plus 10 champs de filtre.')
    .optional(),
  sort: z.enum(QUEUE_SORTS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(1000).optional(),
});

export type QueueListInput = z.input<typeof queueListInput>;
export type QueueListQuery = z.output<typeof queueListInput>;

/** Input of `queues.counts`: the same scope as a list, without state or paging. */
export const queueCountsInput = z.strictObject({
  demarcheId: z.uuid().optional(),
  unit: z.string().min(1).max(100).optional(),
});

export type QueueCountsInput = z.output<typeof queueCountsInput>;
