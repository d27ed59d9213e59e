import { expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../../shared/definition/index.ts';
import { describeOnEachDriver } from '../../../db/testing/describeOnEachDriver.ts';
import { listVersions } from '../listVersions.ts';
import { publishDemarche } from '../publishDemarche.ts';
import {
  adminOfNewTenant,
  expectErr,
  expectOk,
  savedSocialAidVariant,
} from '../testing/demarcheFixtures.ts';

/** The form's `nom` question, whose schema the tests edit. */
function nameField(definition: DemarcheDefinition): Record<string, unknown> {
  const schema = definition.form.schema as { properties: Record<string, Record<string, unknown>> };
  return schema.properties['nom']!;
}

// Issue 13: definitions the attacker published, which then froze the server (item 2) or
// failed silently at each delivery (item 8). Each is now refused at publish, in French.
describeOnEachDriver('issue 13: publish refuses what the runtime could not run', (database) => {
  async function publishDraft(mutate: (definition: DemarcheDefinition) => void) {
    const { ctx } = await adminOfNewTenant(database().db);
    const id = await savedSocialAidVariant(ctx, mutate);
    const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));
    expect(expectOk(await listVersions(ctx, id))).toEqual([]);
    return refused;
  }

  it.each(['^(a|a)*$', '^(a|aa)*$', '^(\\w|\\d)+$'])(
    'refuses a form pattern with overlapping repetitions: %s',
    async (pattern) => {
      const refused = await publishDraft((d) => {
        nameField(d).pattern = pattern;
      });
      expect(refused.code).toBe('INVALID_DEFINITION');
      expect(refused.details?.['problems']).toContainEqual({
        code: 'UNSAFE_REGEX',
        pointer: '/form/schema/properties/nom/pattern',
        message: expect.stringContaining(`champ « nom » : l’expression régulière « ${pattern} »`),
      });
    },
  );

  it('refuses a pattern with a backreference, which the server could not enforce', async () => {
    const refused = await publishDraft((d) => {
      nameField(d).pattern = '^(\\w)\\1+$';
    });
    expect(refused.details?.['problems']).toContainEqual(
      expect.objectContaining({ code: 'UNSUPPORTED_REGEX' }),
    );
  });

  it.each([
    [
      'a loopback literal',
      'http://127.0.0.1:8080/hook',
      /mène à 127\.0\.0\.1, une adresse interne/,
    ],
    [
      'localhost, looked up',
      'https://localhost/hook',
      /mène à (127\.0\.0\.1|::1), une adresse interne/,
    ],
    ['the cloud metadata address', 'http://169.254.169.254/latest', /169\.254\.169\.254/],
    ['a private range', 'https://10.1.2.3/hook', /10\.1\.2\.3/],
    ['a mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/hook', /une adresse interne/],
    ['credentials in the URL', 'https://moi:secret@93.184.215.14/hook', /ni de mot de passe/],
    [
      'a host that does not resolve',
      'https://nulle-part.invalid/hook',
      /« nulle-part\.invalid » ne correspond à aucune adresse/,
    ],
  ])('refuses a webhook to %s', async (_, url, message) => {
    const refused = await publishDraft((d) => {
      d.workflow.transitions[5]!.effects![2] = { type: 'webhook', url };
    });
    expect(refused.code).toBe('INVALID_DEFINITION');
    expect(refused.details?.['diagnostics']).toContainEqual({
      rule: 'webhook-target',
      severity: 'error',
      pointer: '/workflow/transitions/5/effects/2/url',
      message: expect.stringMatching(message),
    });
  });
});
