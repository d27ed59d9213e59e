import { useEffect, useState } from 'react';
import type { FormPage } from '../../shared/definition/index.ts';
import type { PreviewPages } from './previewPages.ts';
import { previewPagesInWorker } from './simulationClient.ts';

const NOTHING_HIDDEN: PreviewPages = { hiddenPages: [], hiddenFields: [] };

/**
 * The pages and fields hidden by the form's conditions for the answers typed in a
 * preview, decided in the simulation worker (`previewPages`); no worker is started for a
 * form without conditions, and an answer that arrives after a newer request is dropped.
 * Until the first answer, or if the worker fails, nothing is hidden.
 */
export function usePreviewPages(
  pages: FormPage[] | undefined,
  data: Record<string, unknown>,
): PreviewPages {
  const [hidden, setHidden] = useState<PreviewPages>(NOTHING_HIDDEN);
  const conditional = pages?.some((page) => page.condition !== undefined) ?? false;
  useEffect(() => {
    if (!conditional) {
      setHidden(NOTHING_HIDDEN);
      return;
    }
    let current = true;
    previewPagesInWorker(pages, data).then(
      (answer) => current && setHidden(answer),
      () => current && setHidden(NOTHING_HIDDEN),
    );
    return () => {
      current = false;
    };
  }, [conditional, pages, data]);
  return hidden;
}
