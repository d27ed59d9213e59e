import type { DemarcheDefinition, FormDefinition, WorkflowDefinition } from './types.ts';

/**
 * Format 1, as Guichet stored it until format 2: the same document without the studio's
 * additions (`workflow.layout`, `form.sections`). Published versions in this format stay
 * in the database for good, so `migrate1to2` must keep reading them.
 *
 * Written as « format 2 minus what it added »: when format 3 changes a shape format 1
 * shares, freeze the shared part here first.
 */
export type DemarcheDefinitionV1 = Omit<DemarcheDefinition, 'version' | 'form' | 'workflow'> & {
  version: 1;
  form: Omit<FormDefinition, 'sections'>;
  workflow: Omit<WorkflowDefinition, 'layout'>;
};
