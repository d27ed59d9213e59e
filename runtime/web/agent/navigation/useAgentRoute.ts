import { useCallback, useSyncExternalStore } from 'react';
import { type AgentRoute, routeOf } from './agentRoute.ts';

const CHANGED = 'guichet:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/**
 * The current screen and a `navigate` that changes the address without reloading (the
 * History API: back and forward work, every screen has its own URL). Two screens and a
 * query string do not need a router library.
 *
 * @example
 * const { route, navigate } = useAgentRoute();
 * navigate(dossierPath(id));
 */
export function useAgentRoute(): {
  route: AgentRoute;
  navigate: (to: string, options?: { replace?: boolean }) => void;
} {
  const address = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(address, window.location.origin);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (to === snapshot()) return;
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return { route: routeOf(url.pathname, url.search), navigate };
}
