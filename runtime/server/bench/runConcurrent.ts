/**
 * One client of the load: it owns its work items (a citizen's own dossiers) and does
 * them one after another, as a browser tab would.
 */
interface LoadClient<T> {
  items: T[];
  run(item: T): Promise<void>;
}

/** What one run of the load recorded. */
export interface RunSample {
  latenciesMs: number[];
  errors: number;
  wallMs: number;
  /** The first few error messages, for the report. */
  firstErrors: string[];
}

/**
 * Runs every client at once, each through its own items in order, timing each call.
 * A failed call counts as an error (its latency is not recorded) and the client goes
 * on, so one refusal does not hide the others.
 *
 * @example
 * const sample = await runConcurrent(clients.map((c) => ({ items: c.drafts, run: c.submit })));
 */
export async function runConcurrent<T>(clients: Array<LoadClient<T>>): Promise<RunSample> {
  const sample: RunSample = { latenciesMs: [], errors: 0, wallMs: 0, firstErrors: [] };
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (const item of client.items) {
        const t0 = performance.now();
        try {
          await client.run(item);
          sample.latenciesMs.push(performance.now() - t0);
        } catch (error) {
          sample.errors += 1;
          if (sample.firstErrors.length < 3) sample.firstErrors.push(String(error));
        }
      }
    }),
  );
  sample.wallMs = performance.now() - started;
  return sample;
}
