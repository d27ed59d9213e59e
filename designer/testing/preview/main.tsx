import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorsPreview } from './EditorsPreview.tsx';

// A test page, not an app: the e2e check builds it alone (`e2e/support/buildEditorsPreview.ts`) and serves
// it under the server's own CSP, until the studio shell mounts the editors itself.
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <EditorsPreview />
  </StrictMode>,
);
