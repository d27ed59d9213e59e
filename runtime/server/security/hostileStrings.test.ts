import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import { useSampleTenant } from './testing/useSampleTenant.ts';

const given = useSampleTenant();

const withInput = sampledCatalog().filter((entry) => entry.hasInput && entry.sample.input);

/** A few runs per procedure: the suite walks the whole router and must stay quick. */
const RUNS = 3;

/** Where a string goes: replacing the leaf at `path`, or as a new key of the object there. */
interface Spot {
  path: string[];
  as: 'value' | 'key';
}

/** Every string leaf of `value`, and every object (a key can be added to it). */
function spotsOf(value: unknown, path: string[] = []): Spot[] {
  if (typeof value === 'string') return [{ path, as: 'value' }];
  if (typeof value !== 'object' || value === null) return [];
  const own: Spot[] = Array.isArray(value) ? [] : [{ path, as: 'key' }];
  return [
    ...own,
    ...Object.entries(value).flatMap(([key, child]) => spotsOf(child, [...path, key])),
  ];
}

function placed(input: unknown, spot: Spot, text: string): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const parent = spot.as === 'key' ? spot.path : spot.path.slice(0, -1);
  let node: Record<string, unknown> = copy;
  for (const key of parent) node = node[key] as Record<string, unknown>;
  if (spot.as === 'key') node[text] = 'x';
  else node[spot.path.at(-1)!] = text;
  return copy;
}

const unpaired = fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
/** Strings PostgreSQL cannot store: a NUL or a lone surrogate somewhere in ordinary text. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 20 }), unpaired, fc.string({ maxLength: 20 }))
  .map(([before, bad, after]) => before + bad + after);
/** Strings that are storable but hostile: bidi overrides, any code point, very long ones. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((text) => `\u202E${text}\u202Dgpj.exe\u2066`),
  fc.integer({ min: 3_000, max: 12_000 }).map((length) => 'é'.repeat(length)),
);

function spotArbitrary(input: unknown) {
  return fc.constantFrom(...spotsOf(input));
}

describe('hostile strings in every procedure’s input (issue 13, item 3)', () => {
  // Regression: a NUL or a lone surrogate in any string (auth.login, auth.signup,
  // dossiers.saveDraft, messages.send) reached PostgreSQL, which refused it: a 500.
  it('answers a NUL or a lone surrogate anywhere with 400 in French naming the field, and writes nothing', async () => {
    expect(withInput.length).toBeGreaterThan(10);
    for (const entry of withInput) {
      const client = given().callers[entry.sample.actor];
      const input = entry.sample.input!(given().world);
      const before = await dataFingerprint(given().server.database);
      await fc.assert(
        fc.asyncProperty(spotArbitrary(input), unstorable, async (spot, text) => {
          const outcome = await callProcedure(client, entry, placed(input, spot, text));
          const where = `${entry.path} ${spot.as} at ${spot.path.join('.') || '(root)'}`;
          expect(outcome.ok, where).toBe(false);
          if (outcome.ok) return;
          expect(outcome.httpStatus, `${where}: ${shown(outcome)}`).toBe(400);
          expect(outcome.domainCode, where).toBe('INVALID_INPUT');
          expect(outcome.message, where).toMatch(/caractère/);
          const field = (spot.as === 'key' ? spot.path : spot.path).join('.');
          expect(Object.keys(outcome.fieldErrors ?? {}), where).toEqual([field]);
        }),
        { numRuns: RUNS },
      );
      const after = await dataFingerprint(given().server.database);
      expect(after, `${entry.path}: data written`).toEqual(before);
    }
  });

  it('never answers 5xx to storable hostile strings (bidi overrides, any code point, long text)', async () => {
    for (const entry of withInput) {
      const client = given().callers[entry.sample.actor];
      await fc.assert(
        fc.asyncProperty(fc.constant(null), hostile, async (_, text) => {
          // A fresh sample each run: an earlier run may have used up a one-shot input.
          const input = entry.sample.input!(given().world);
          const spots = spotsOf(input);
          const spot = spots[text.length % spots.length]!;
          const outcome = await callProcedure(client, entry, placed(input, spot, text));
          const status = client.lastResponse()?.status ?? 0;
          expect(status, `${entry.path} at ${spot.path.join('.')}: ${shown(outcome)}`).toBeLessThan(
            500,
          );
        }),
        { numRuns: RUNS },
      );
    }
  });
});
