/** The citizen app's addresses, in one place so links and routes agree. */
export const paths = {
  catalogue: '/',
  login: '/connexion',
  signup: '/inscription',
  confirmEmail: '/confirmer',
  forgotPassword: '/mot-de-passe-oublie',
  resetPassword: '/reinitialiser',
  mine: '/mes-dossiers',
  demarche: (slug: string) => `/demarches/${encodeURIComponent(slug)}`,
  fill: (id: string) => `/dossiers/${id}/remplir`,
  confirmation: (id: string) => `/dossiers/${id}/confirmation`,
  dossier: (id: string) => `/mes-dossiers/${id}`,
  /** Following a dossier filed without an account, with its tracking code. */
  follow: '/suivi',
  /** The signed-in citizen's account: who they are, the password change. */
  account: '/mon-compte',
  /** The citizen's document safe. */
  documents: '/mes-documents',
} as const;

/**
 * Where to go back after logging in: only a path of this site (`/…`, never `//other` or
 * `https://…`), else the citizen's dossiers — no open redirect (docs/SECURITY.md §62).
 *
 * @example
 * returnPath('?retour=%2Fdemarches%2Faide-sociale'); // '/demarches/aide-sociale'
 */
export function returnPath(search: string): string {
  const target = new URLSearchParams(search).get('retour');
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')
    ? target
    : paths.mine;
}
