import { and, eq } from 'drizzle-orm';
import { type AppDatabase, anonymousDossiers, dossiers, tenants } from '../../db/index.ts';
import { loadPublishedVersion } from '../dossiers/index.ts';
import { fieldAddress, type Mailer } from '../effects/index.ts';
import { contactAddress } from './contactAddress.ts';
import { newTrackingCode, trackingCodeHash } from './trackingCode.ts';
import { trackingCodeMailJobSchema } from './trackingCodeMailJob.ts';

export interface TrackingCodeMailDeps {
  db: AppDatabase;
  mailer: Pick<Mailer, 'send'>;
  clock: () => Date;
  /** The origin in the link, e.g. `https://guichet.example.fr`; null: a relative link. */
  publicOrigin: string | null;
}

export type TrackingCodeMailOutcome =
  | { status: 'done' }
  | { status: 'skipped'; reason: 'NOT_SUBMITTED' | 'NO_ADDRESS' };

/**
 * Mails a dossier filed without an account its reference and a tracking code, to the
 * first e-mail address its answers give (the worker's handler of
 * `TRACKING_CODE_MAIL_QUEUE`, docs/SECURITY.md §111). The code is drawn here and only its
 * hash kept, in a slot of its own (`mailed_code_hash`), so it does not replace the code
 * the browser showed; a job run twice mails a new code that replaces the first mailed
 * one, as account links do. No address in the answers: nothing is mailed or stored.
 *
 * @example
 * await sendTrackingCodeMail({ db, mailer, clock, publicOrigin }, job.data);
 */
export async function sendTrackingCodeMail(
  deps: TrackingCodeMailDeps,
  data: unknown,
): Promise<TrackingCodeMailOutcome> {
  const job = trackingCodeMailJobSchema.parse(data);
  const [row] = await deps.db
    .select({
      reference: dossiers.reference,
      submittedAt: dossiers.submittedAt,
      data: dossiers.data,
      demarcheId: dossiers.demarcheId,
      version: dossiers.version,
      tenantName: tenants.name,
    })
    .from(anonymousDossiers)
    .innerJoin(
      dossiers,
      and(
        eq(dossiers.tenantId, anonymousDossiers.tenantId),
        eq(dossiers.id, anonymousDossiers.dossierId),
      ),
    )
    .innerJoin(tenants, eq(tenants.id, anonymousDossiers.tenantId))
    .where(
      and(
        eq(anonymousDossiers.tenantId, job.tenantId),
        eq(anonymousDossiers.dossierId, job.dossierId),
      ),
    );
  if (!row || row.submittedAt === null || row.reference === null) {
    return { status: 'skipped', reason: 'NOT_SUBMITTED' };
  }
  const published = await loadPublishedVersion(deps.db, job.tenantId, row.demarcheId, row.version);
  const answers = row.data as Record<string, unknown>;
  const to =
    published === null ? null : contactAddress(published.definition, answers, fieldAddress);
  if (to === null) return { status: 'skipped', reason: 'NO_ADDRESS' };

  const code = newTrackingCode();
  const now = deps.clock();
  await deps.db
    .update(anonymousDossiers)
    .set({ mailedCodeHash: trackingCodeHash(code), codeMailedAt: now })
    .where(
      and(
        eq(anonymousDossiers.tenantId, job.tenantId),
        eq(anonymousDossiers.dossierId, job.dossierId),
      ),
    );
  const link = `${deps.publicOrigin ?? ''}/suivi#code=${code}`;
  const title = published?.title ?? 'votre demande';
  await deps.mailer.send({
    to: [to],
    subject: `Votre demande ${row.reference} — ${row.tenantName}`,
    text: [
      'Bonjour,',
      '',
      `Votre demande « ${title} » a bien été reçue par ${row.tenantName}, sans compte.`,
      `Sa référence : ${row.reference}`,
      `Son code de suivi : ${code}`,
      '',
      'Pour suivre votre dossier, répondre aux agents ou envoyer un complément, ouvrez ce lien :',
      link,
      'ou saisissez le code de suivi sur la page « Suivre un dossier » du guichet en ligne.',
      '',
      'Gardez ce message : ce code est le seul moyen de retrouver votre dossier. Ne le communiquez à personne.',
    ].join('\n'),
    messageId: `<tracking-code-${job.dossierId}-${now.getTime()}@guichet>`,
  });
  return { status: 'done' };
}
