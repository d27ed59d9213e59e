import type { ReactNode } from 'react';

export interface AppShellProps {
  /** The service's name, shown as the brand in the header. */
  brand: string;
  /** One line under the brand saying whose service this is. */
  tagline: string;
  /** The page's one h1. */
  title: string;
  /** The app's main navigation, in the header (a `nav` landmark). */
  nav?: ReactNode;
  children?: ReactNode;
}

/**
 * The frame every page of the three apps shares: a skip link to the content, a header
 * landmark (with the app's navigation), and a main landmark holding the page's one h1
 * (focusable, so navigation can move focus to it).
 *
 * @example
 * <AppShell brand="Guichet" tagline="Espace agents" title="Dossiers à traiter" />
 */
export function AppShell({ brand, tagline, title, nav, children }: AppShellProps) {
  return (
    <>
      <a className="lien-evitement" href="#contenu">
        Aller au contenu
      </a>
      <header className="entete">
        <p className="marque">{brand}</p>
        <p className="sous-titre">{tagline}</p>
        {nav}
      </header>
      <main id="contenu" tabIndex={-1}>
        {/* A new title is a new element: browsers time a page's largest paint (LCP) by
            the elements they paint, and a text changed in place is not painted anew, so
            the real title replacing « Chargement… » would go unseen until some later
            redraw happened to recreate it. */}
        <h1 key={title} id="titre-page" tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </>
  );
}
