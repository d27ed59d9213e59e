import type { DemarcheDefinition } from '../../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';

/**
 * The social-aid démarche plus templates that attack the sandbox (docs/SECURITY.md §11): one
 * echoing a field as is, one including a file, one reading prototype members.
 */
export const effectsDefinition: DemarcheDefinition = {
  ...socialAidDefinition,
  notifications: [
    ...socialAidDefinition.notifications,
    {
      id: 'echo',
      channel: 'email',
      subject: 'Dossier {{ dossier.reference }} : {{ data.nom }}',
      body: 'Nom déclaré : {{ data.nom }}\nÉtat : {{ dossier.stateLabel }}',
    },
    { id: 'include', channel: 'email', subject: 'Fichier', body: "{% include '/etc/passwd' %}" },
    {
      id: 'unit',
      channel: 'email',
      subject: 'Nouveau dossier {{ dossier.reference }} pour {{ dossier.unit }}',
      body: 'Un dossier attend votre équipe.',
    },
  ],
  letters: [
    ...socialAidDefinition.letters,
    { id: 'include', title: 'Lettre', body: "{% render '/etc/passwd' %}" },
  ],
};

/** Short retries so a redelivery after a 500 comes within seconds. */
export const FAST_RETRY = { retryLimit: 3, retryDelaySeconds: 1, expireInSeconds: 60 };

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-4f1d9c';
