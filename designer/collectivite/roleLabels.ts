/** The staff roles in the words the collectivité uses. */
export const ROLE_LABELS = {
  admin: 'Administrateur',
  agent: 'Agent',
  supervisor: 'Superviseur',
} as const;

export type StaffRole = keyof typeof ROLE_LABELS;
