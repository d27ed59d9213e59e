import type { MouseEvent } from 'react';
import { AGENT_BASE, DASHBOARD_PATH } from './agentRoute.ts';
import { useAgentRoute } from './useAgentRoute.ts';

const LINKS = [
  { href: AGENT_BASE, label: 'Dossiers à traiter', page: 'queue' },
  { href: DASHBOARD_PATH, label: 'Tableau de bord', page: 'dashboard' },
] as const;

/**
 * The back office's screens as plain links (they open in a new tab too), followed
 * without a reload; the current one carries `aria-current="page"`.
 */
export function MainNavigation() {
  const { route, navigate } = useAgentRoute();
  const follow = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <nav className="navigation-principale" aria-label="Espace agents">
      <ul>
        {LINKS.map((link) => (
          <li key={link.page}>
            <a
              href={link.href}
              aria-current={route.page === link.page ? 'page' : undefined}
              onClick={follow(link.href)}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
