import { type ReactNode, useEffect } from 'react';
import { AppShell } from '../../runtime/web/shell/AppShell.tsx';

/**
 * One page of the studio in the shared shell, focus moved to the page's main landmark
 * when the page changes (the studio changes pages without reloading), so screen readers
 * announce the new h1.
 */
export function StudioPage({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    const main = document.getElementById('contenu');
    if (main && title) main.focus();
  }, [title]);
  return (
    <AppShell brand="Guichet" tagline="Studio des démarches" title={title}>
      {children}
    </AppShell>
  );
}
