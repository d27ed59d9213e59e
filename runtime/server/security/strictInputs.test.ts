import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';

import { useSampleTenant } from './testing/useSampleTenant.ts';

const given = useSampleTenant();

const catalog = sampledCatalog();

/** Keys a client might slip in to change what it may not (docs/SECURITY.md §10). */
function smuggled(): Record<string, string> {
  return { state: 'accepte', tenantId: randomUUID(), assigneeId: given().tenant.accounts.agent.id };
}

/**
 * Whether the refusal is about the smuggled keys and nothing else: the error formatter
 * files an unexpected key under the object itself (`''`), a wrong value under its
 * field. Any other field error means the sample itself is invalid, and the refusal
 * would prove nothing about strictness.
 */
function onlyUnrecognizedKeys(fieldErrors: Record<string, string[]> | null): boolean {
  if (fieldErrors === null || Object.keys(fieldErrors).join() !== '') return false;
  const said = (fieldErrors[''] ?? []).join(' ');
  return ['state', 'tenantId', 'assigneeId'].every((key) => said.includes(`"${key}"`));
}

describe('strict inputs over the whole router (docs/SECURITY.md §10)', () => {
  it('refuses state, tenantId and assigneeId beside a valid input, and writes nothing', async () => {
    const withInput = catalog.filter((entry) => entry.hasInput);
    expect(withInput.some((entry) => entry.type === 'mutation')).toBe(true);
    const wrong: string[] = [];
    for (const entry of withInput) {
      const input = { ...(entry.sample.input?.(given().world) as object), ...smuggled() };
      const before = await dataFingerprint(given().server.database);
      const outcome = await callProcedure(given().callers[entry.sample.actor], entry, input);
      const after = await dataFingerprint(given().server.database);
      if (outcome.ok || outcome.code !== 'BAD_REQUEST') {
        wrong.push(`${entry.path}: ${outcome.ok ? 'accepted' : outcome.code}`);
        continue;
      }
      if (outcome.domainCode !== 'INVALID_INPUT' || !onlyUnrecognizedKeys(outcome.fieldErrors)) {
        wrong.push(`${entry.path}: ${JSON.stringify(outcome)}`);
      }
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${entry.path}: written`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves only procedures that read no input at all without a schema', () => {
    const withoutInput = catalog.filter((entry) => !entry.hasInput).map((entry) => entry.path);
    // Each of these ignores its input entirely: nothing a client sends can be written.
    expect(withoutInput).toEqual([
      'anonymous.current',
      'anonymous.issueCode',
      'anonymous.leave',
      'auth.logout',
      'auth.me',
      'auth.resendConfirmation',
      'counter.demarches',
      'demarches.list',
      'documents.list',
      'dossiers.mine',
    ]);
  });

  // Regression: a transition with an input schema (`refuser`) used to take extra keys in
  // `input` and write them to the event log and the effect jobs, its schema not being
  // closed (fixed in the engine, commit a179ee6). Form data is closed by draftValidator.
  it('refuses them inside the JSON payloads too: form data and an action’s input', async () => {
    const payloads: Array<{ name: string; path: string; who: 'citizen' | 'agent'; input: object }> =
      [
        {
          name: 'saveDraft data',
          path: 'dossiers.saveDraft',
          who: 'citizen',
          input: { ...given().world.draft, data: { ...VALID_SOCIAL_AID, ...smuggled() } },
        },
        {
          name: 'act input, transition with an input schema (refuser)',
          path: 'dossiers.act',
          who: 'agent',
          input: {
            ...given().world.instructing,
            transition: 'refuser',
            input: { motif: 'Revenus supérieurs au plafond.', ...smuggled() },
          },
        },
        {
          name: 'act input, transition without one (prendre_en_charge)',
          path: 'dossiers.act',
          who: 'agent',
          input: { ...given().world.submitted, transition: 'prendre_en_charge', input: smuggled() },
        },
      ];
    const wrong: string[] = [];
    for (const { name, path, who, input } of payloads) {
      const before = await dataFingerprint(given().server.database);
      const outcome = await callProcedure(given().callers[who], { path, type: 'mutation' }, input);
      if (outcome.ok || outcome.code !== 'BAD_REQUEST') wrong.push(`${name}: ${shown(outcome)}`);
      const after = await dataFingerprint(given().server.database);
      const written = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (written.length > 0) wrong.push(`${name}: written to ${written.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
