import { ADMIN_SAMPLES } from './adminSamples.ts';
import { CITIZEN_SAMPLES } from './citizenSamples.ts';
import { DOSSIER_SAMPLES } from './dossierSamples.ts';
import type { ProcedureSample } from './procedureSample.ts';
import { STAFF_WORK_SAMPLES } from './staffWorkSamples.ts';

export type { ProcedureSample } from './procedureSample.ts';

/**
 * Every procedure of `appRouter`, keyed by dotted path. `procedureSamples.test.ts` fails
 * when the router has a procedure missing here (or this lists one it no longer has),
 * so a new procedure cannot skip the isolation, role and strict-input suites.
 */
export const PROCEDURE_SAMPLES: Record<string, ProcedureSample> = {
  ...CITIZEN_SAMPLES,
  ...DOSSIER_SAMPLES,
  ...STAFF_WORK_SAMPLES,
  ...ADMIN_SAMPLES,
};
