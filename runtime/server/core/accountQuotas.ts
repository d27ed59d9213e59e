/** What a quota counts per account: draft creations, messages sent, files uploaded. */
export type QuotaAction = 'drafts' | 'messages' | 'uploads';

/** Per account and per hour; staff process many dossiers, so they get more. */
export interface AccountQuotas {
  perHour: Record<QuotaAction, { citizen: number; staff: number }>;
  /** All of a tenant's attachments together, in bytes. */
  tenantStorageBytes: number;
}

/**
 * The defaults, sized for people: a citizen opens a few démarches a day, writes a few
 * messages on each and attaches a handful of documents; a script creating a thousand
 * drafts in a batch (issue 13) is stopped after 30. Staff limits are ten times higher.
 */
export const DEFAULT_QUOTAS: AccountQuotas = {
  perHour: {
    drafts: { citizen: 30, staff: 300 },
    messages: { citizen: 60, staff: 600 },
    uploads: { citizen: 100, staff: 1_000 },
  },
  tenantStorageBytes: 10 * 1024 ** 3,
};

/** The French name of what was counted, for the 429 message. */
export const QUOTA_WORDS: Record<QuotaAction, string> = {
  drafts: 'brouillons créés',
  messages: 'messages envoyés',
  uploads: 'fichiers déposés',
};
