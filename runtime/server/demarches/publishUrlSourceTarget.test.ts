import { expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createDemarche } from './createDemarche.ts';
import { listVersions } from './listVersions.ts';
import { publishDemarche } from './publishDemarche.ts';
import { saveDraft } from './saveDraft.ts';
import {
  expectErr,
  expectOk,
  socialAidAs,
  staffContext,
  uniqueSlug,
} from './testing/demarcheFixtures.ts';

/** The social-aid form with a « École » choice read from `url` by the server. */
function withSchoolsAt(url: string) {
  return (definition: DemarcheDefinition) => {
    const schema = definition.form.schema as { properties: Record<string, unknown> };
    schema.properties['ecole'] = { type: 'string', title: 'École', 'x-source': 'ecoles' };
    const order = definition.form.uiSchema?.['ui:order'];
    if (Array.isArray(order)) order.push('ecole');
    definition.dataSources = [
      { id: 'ecoles', kind: 'url', url, valuePath: 'identifiant', labelPath: 'nom' },
    ];
  };
}

// docs/SECURITY.md §102: a URL source the server would refuse to read is refused at
// publish, with the same outbound rule, instead of a list « momentanément indisponible »
// shown to every citizen.
describeOnEachDriver(
  'publish: URL data sources must be readable under the outbound rules',
  (database) => {
    async function publish(url: string) {
      const world = await seedTenant(database().db);
      const ctx = staffContext(database().db, {
        tenantId: world.tenantId,
        userId: world.accounts.admin.id,
      });
      const slug = uniqueSlug('aide-scolaire');
      const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Aide scolaire' }));
      expectOk(
        await saveDraft(ctx, { id, revision: 0, draft: socialAidAs(slug, withSchoolsAt(url)) }),
      );
      const published = await publishDemarche(ctx, { id, revision: 1 });
      return { published, versions: expectOk(await listVersions(ctx, id)) };
    }

    it.each([
      [
        'a loopback literal',
        'https://127.0.0.1:8443/ecoles.json',
        /mène à 127\.0\.0\.1, une adresse interne/,
      ],
      [
        'localhost, looked up',
        'https://localhost/ecoles.json',
        /mène à (127\.0\.0\.1|::1), une adresse interne/,
      ],
      ['the cloud metadata address', 'https://169.254.169.254/latest', /169\.254\.169\.254/],
      ['a private range', 'https://192.168.1.20/ecoles.json', /192\.168\.1\.20/],
      [
        'credentials in the URL',
        'https://moi:secret@93.184.215.14/ecoles.json',
        /ni de mot de passe/,
      ],
      [
        'a host that does not resolve',
        'https://nulle-part.invalid/ecoles.json',
        /« nulle-part\.invalid » ne correspond à aucune adresse/,
      ],
    ])('refuses a source read from %s, nothing published', async (_, url, message) => {
      const { published, versions } = await publish(url);
      const refused = expectErr(published);
      expect(refused.code).toBe('INVALID_DEFINITION');
      expect(refused.details?.['diagnostics']).toContainEqual({
        rule: 'data-source-target',
        severity: 'error',
        pointer: '/dataSources/0/url',
        message: expect.stringMatching(
          new RegExp(`^La source de données « ecoles » lit l’adresse « .+ » : .*${message.source}`),
        ),
      });
      expect(versions).toEqual([]);
    });

    it('publishes a source on a public address (not called at publish: an IP literal)', async () => {
      const { published, versions } = await publish('https://93.184.215.14/ecoles.json');
      expect(expectOk(published).version).toBe(1);
      expect(versions).toHaveLength(1);
    });
  },
);
