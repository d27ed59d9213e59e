/// <reference lib="webworker" />
import { runTestCase } from '../../shared/engine/index.ts';
import { previewPages } from './previewPages.ts';
import { renderSimulatedMails } from './renderSimulatedMail.ts';
import { replaySimulation } from './replaySimulation.ts';
import type { SimulationAnswer, SimulationRequest } from './simulationMessages.ts';

/**
 * Runs the shared engine on the draft, off the page: the engine compiles the draft's
 * schemas with ajv, which generates code, and the studio's page may not evaluate code.
 * This worker is served with its own policy (docs/SECURITY.md §84: code evaluation, no
 * network), holds no state, and answers each request with data only. Nothing is written
 * anywhere: a simulation or a test run lives in the answer.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<SimulationRequest>) => {
  const request = event.data;
  scope.postMessage(await answer(request));
};

async function answer(request: SimulationRequest): Promise<SimulationAnswer> {
  try {
    if (request.kind === 'pages') {
      return {
        id: request.id,
        ok: true,
        kind: 'pages',
        value: previewPages(request.pages, request.data),
      };
    }
    const startedAt = new Date(request.startedAt);
    if (request.kind === 'tests') {
      const outcomes = (request.definition.tests ?? []).map((testCase) =>
        runTestCase(request.definition, testCase, startedAt),
      );
      return { id: request.id, ok: true, kind: 'tests', value: outcomes };
    }
    const view = replaySimulation(request.definition, request.data, request.steps, startedAt);
    const mails = await Promise.all(
      view.steps.map((step) => renderSimulatedMails(request.definition, step)),
    );
    return { id: request.id, ok: true, kind: 'replay', value: { view, mails } };
  } catch (error) {
    // A draft being edited may be broken (an undeclared state, a malformed schema).
    return { id: request.id, ok: false, message: (error as Error).message };
  }
}
