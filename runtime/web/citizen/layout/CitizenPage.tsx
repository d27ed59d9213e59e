import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { AppShell } from '../../shell/AppShell.tsx';
import { paths } from '../paths.ts';
import { useLogout } from '../session/useLogout.ts';
import { useSession } from '../session/useSession.ts';

/** Where the browser landed: pages shown there (the loading one, then the page itself) keep the browser's focus. */
const landing = `${window.location.pathname}${window.location.search}`;
/** Set once the address left the landing one: later pages are reached by navigation and take the focus. */
let navigated = false;

/**
 * Every page of the front office: the shell with the main navigation, the page's h1 and
 * the document title. After a client-side navigation, focus moves to the h1, so screen
 * reader users hear where they arrived; the page the browser loaded keeps its focus, even
 * when « Chargement… » shows before it (pages load on demand).
 *
 * @example
 * <CitizenPage title="Mes dossiers">…</CitizenPage>
 */
export function CitizenPage({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — Guichet`;
    navigated ||= `${window.location.pathname}${window.location.search}` !== landing;
    if (navigated) document.getElementById('titre-page')?.focus();
  }, [title]);
  return (
    <AppShell
      brand="Guichet"
      tagline="Démarches en ligne de la commune de démonstration"
      title={title}
      nav={<MainNav />}
    >
      {children}
    </AppShell>
  );
}

function MainNav() {
  const [location] = useLocation();
  const session = useSession();
  const logout = useLogout();
  const current = (path: string) => (location === path ? ('page' as const) : undefined);
  return (
    <nav className="navigation" aria-label="Navigation principale">
      <ul>
        <li>
          <Link href={paths.catalogue} aria-current={current(paths.catalogue)}>
            Démarches
          </Link>
        </li>
        <li>
          <Link href={paths.mine} aria-current={current(paths.mine)}>
            Mes dossiers
          </Link>
        </li>
        {session.data ? (
          <li>
            <Link href={paths.documents} aria-current={current(paths.documents)}>
              Mes documents
            </Link>
          </li>
        ) : (
          <li>
            <Link href={paths.follow} aria-current={current(paths.follow)}>
              Suivre un dossier
            </Link>
          </li>
        )}
        {session.data ? (
          <li>
            <Link href={paths.account} aria-current={current(paths.account)}>
              Mon compte
            </Link>
          </li>
        ) : null}
        {session.data ? (
          <li>
            <span className="utilisateur">{session.data.displayName}</span>{' '}
            <button type="button" className="bouton-lien" onClick={() => void logout()}>
              Se déconnecter
            </button>
          </li>
        ) : (
          <li>
            <Link href={paths.login} aria-current={current(paths.login)}>
              Se connecter
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
