import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';

export type QueueListInput = inferRouterInputs<AppRouter>['queues']['list'];
type Sort = NonNullable<QueueListInput['sort']>;
type Priority = NonNullable<QueueListInput['priority']>[number];

/** What a queue screen shows, as the address bar holds it (so a view can be bookmarked). */
export interface QueueFilters {
  demarcheId?: string | undefined;
  state?: string | undefined;
  /** « à moi », « non assignés », « en retard »: one at a time, like tabs. */
  only?: 'mine' | 'unassigned' | 'overdue' | undefined;
  unit?: string | undefined;
  dueBefore?: string | undefined;
  priority?: Priority | undefined;
  text?: string | undefined;
  /** Form field filters, `champ=valeur`. */
  fields?: Record<string, string> | undefined;
  sort?: Sort | undefined;
}

const SORTS: readonly Sort[] = ['createdAt', 'dueAt', 'priority', 'updatedAt'];
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const ONLY = ['mine', 'unassigned', 'overdue'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const FIELD_PREFIX = 'champ.';

/**
 * Reads the filters from a query string, dropping what the server would refuse (an id
 * that is not a uuid, an unknown sort…) so a hand-edited address still shows a queue.
 *
 * @example
 * filtersFromSearch('?etat=depose&seulement=mine&champ.commune=75056');
 * // { state: 'depose', only: 'mine', fields: { commune: '75056' } }
 */
export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const filters: QueueFilters = {};
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, 200) : undefined;
  };
  const demarcheId = text('demarche');
  if (demarcheId && UUID.test(demarcheId)) filters.demarcheId = demarcheId;
  const state = text('etat');
  if (state) filters.state = state.slice(0, 100);
  const only = text('seulement');
  if (only && (ONLY as readonly string[]).includes(only))
    filters.only = only as QueueFilters['only'];
  const unit = text('service');
  if (unit) filters.unit = unit.slice(0, 100);
  const dueBefore = text('echeance');
  if (dueBefore && DAY.test(dueBefore)) filters.dueBefore = dueBefore;
  const priority = text('priorite');
  if (priority && (PRIORITIES as readonly string[]).includes(priority))
    filters.priority = priority as Priority;
  const words = text('q');
  if (words) filters.text = words;
  const sort = text('tri');
  if (sort && (SORTS as readonly string[]).includes(sort)) filters.sort = sort as Sort;
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    const name = key.slice(FIELD_PREFIX.length);
    if (key.startsWith(FIELD_PREFIX) && FIELD.test(name) && value.trim() !== '') {
      if (Object.keys(fields).length < 10) fields[name] = value.trim().slice(0, 200);
    }
  }
  if (Object.keys(fields).length > 0) filters.fields = fields;
  return filters;
}

/**
 * The query string of `filters`, in a stable order, empty values left out.
 *
 * @example
 * searchFromFilters({ state: 'depose', text: 'Martin' }); // '?etat=depose&q=Martin'
 */
export function searchFromFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') params.set(name, value);
  };
  put('demarche', filters.demarcheId);
  put('etat', filters.state);
  put('seulement', filters.only);
  put('service', filters.unit);
  put('echeance', filters.dueBefore);
  put('priorite', filters.priority);
  put('q', filters.text);
  put('tri', filters.sort);
  for (const [name, value] of Object.entries(filters.fields ?? {})) put(FIELD_PREFIX + name, value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * The `queues.list` input for a screen's filters (without the cursor, which paging
 * adds). A due date « avant le » includes that whole day, in UTC like the counters.
 *
 * @example
 * listInputOf({ state: 'depose', only: 'overdue' }); // { states: ['depose'], overdue: true, limit: 100 }
 */
export function listInputOf(filters: QueueFilters): QueueListInput {
  const input: QueueListInput = { limit: 100 };
  if (filters.demarcheId) input.demarcheId = filters.demarcheId;
  if (filters.state) input.states = [filters.state];
  if (filters.only === 'mine') input.assignee = 'me';
  if (filters.only === 'unassigned') input.assignee = 'none';
  if (filters.only === 'overdue') input.overdue = true;
  if (filters.unit) input.unit = filters.unit;
  if (filters.dueBefore) input.dueBefore = `${filters.dueBefore}T23:59:59.999Z`;
  if (filters.priority) input.priority = [filters.priority];
  if (filters.text) input.text = filters.text;
  if (filters.fields) input.fields = filters.fields;
  if (filters.sort) input.sort = filters.sort;
  return input;
}
