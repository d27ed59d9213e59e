import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { EffectDeps } from './effectDeps.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { performEffect } from './performEffect.ts';
import { fieldAddress } from './resolveRecipients.ts';
import { effectsDefinition, TEST_WEBHOOK_SECRET } from './testing/effectsDefinition.ts';
import { jobDataFor, seedEffectDossier } from './testing/seedEffectDossier.ts';
import { type SmtpSink, startSmtpSink } from './testing/startSmtpSink.ts';
import { tempFileStore } from './testing/tempFileStore.ts';

// A notification to the address the applicant typed in a form field
// (`{ kind: 'field' }`), sent through a real SMTP server.

let database: Database;
let sink: SmtpSink;
let mailer: Mailer;
let world: SeededTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  sink = await startSmtpSink();
  mailer = createMailer({
    host: sink.host,
    port: sink.port,
    from: 'Guichet <ne-pas-repondre@guichet.test>',
  });
  world = await seedTenant(database.db, { definition: effectsDefinition });
});

afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await database?.close();
});

const files = tempFileStore();

const deps = (): EffectDeps => ({
  db: database.db,
  storeFile: files.storeFile,
  config: { webhookSecret: TEST_WEBHOOK_SECRET },
  clock: () => new Date(),
  mailer,
  allowPrivateTargets: true,
  log: () => {},
});

const toField = {
  type: 'notify',
  template: 'decision',
  to: { kind: 'field', field: 'contact' },
} as const;

describe('a notification to the address typed in a form field', () => {
  it('goes to that address', async () => {
    const dossier = await seedEffectDossier(database.db, world, {
      data: { nom: 'Dupont', prenom: 'Claire', contact: 'tresorier@amis-du-parc.fr' },
    });
    const before = sink.messages.length;
    const outcome = await performEffect(deps(), jobDataFor(world, dossier, toField));
    expect(outcome).toMatchObject({ status: 'done', detail: { recipients: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.length).toBe(before + 1);
    expect(sink.messages.at(-1)?.recipients).toEqual(['tresorier@amis-du-parc.fr']);
  });

  it('is skipped, not sent, when the field holds no valid address', async () => {
    const dossier = await seedEffectDossier(database.db, world, {
      data: { nom: 'Dupont', contact: 'x@y.fr\r\nBcc: victime@exemple.fr' },
    });
    const before = sink.messages.length;
    const outcome = await performEffect(deps(), jobDataFor(world, dossier, toField));
    expect(outcome).toEqual({ status: 'skipped', reason: 'INVALID_ADDRESS' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.length).toBe(before);
  });

  it('reads only a string that is an address', () => {
    expect(fieldAddress({ contact: 'a@b.fr' }, 'contact')).toBe('a@b.fr');
    expect(fieldAddress({ contact: ['a@b.fr'] }, 'contact')).toBeNull();
    expect(fieldAddress({ contact: 'pas une adresse' }, 'contact')).toBeNull();
    expect(fieldAddress({}, 'contact')).toBeNull();
  });
});
