import type { DemarcheDefinition, FormPage } from '../../shared/definition/index.ts';
import type { TestCaseOutcome } from '../../shared/engine/index.ts';
import type { PreviewPages } from './previewPages.ts';
import type { RenderedMail } from './renderSimulatedMail.ts';
import type { SimulationStep, SimulationView } from './replaySimulation.ts';

/** What the page asks the simulation worker. Dates travel as ISO strings. */
export type SimulationRequest =
  | {
      id: number;
      kind: 'replay';
      definition: DemarcheDefinition;
      data: Record<string, unknown>;
      steps: SimulationStep[];
      startedAt: string;
    }
  | { id: number; kind: 'tests'; definition: DemarcheDefinition; startedAt: string }
  | { id: number; kind: 'pages'; pages: FormPage[] | undefined; data: Record<string, unknown> };

/** A replayed run with the mails of each step, rendered. */
export interface ReplayAnswer {
  view: SimulationView;
  mails: RenderedMail[][];
}

export type SimulationAnswer =
  | { id: number; ok: true; kind: 'replay'; value: ReplayAnswer }
  | { id: number; ok: true; kind: 'tests'; value: TestCaseOutcome[] }
  | { id: number; ok: true; kind: 'pages'; value: PreviewPages }
  | { id: number; ok: false; message: string };
