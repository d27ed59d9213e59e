import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../api/ApiProvider.tsx';

/**
 * Renders an app into the page's `#app` element inside the API provider. Each entry's
 * main.tsx is this one call.
 *
 * @example
 * mountApp(<AgentApp />);
 */
export function mountApp(app: ReactNode): void {
  const container = document.getElementById('app');
  if (!container) throw new Error('The page has no #app element to render into.');
  createRoot(container).render(
    <StrictMode>
      <ApiProvider>{app}</ApiProvider>
    </StrictMode>,
  );
}
