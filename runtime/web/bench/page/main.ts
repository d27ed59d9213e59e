import { benchForm } from '../benchForm.ts';

/**
 * The benchmark's page: `?kind=citizen|rjsf|plain&sections=10`. Each renderer is its own
 * chunk, loaded before the clock starts, so a render time never includes a download.
 */
async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const kind = query.get('kind');
  const form = benchForm(Number(query.get('sections') ?? '10'));
  const container = document.getElementById('app');
  if (!container) throw new Error('no #app');
  if (kind === 'citizen') {
    const { renderCitizen } = await import('./citizenForm.tsx');
    const validators = await import(
      /* @vite-ignore */ `/validators-${query.get('sections') ?? '10'}.js`
    );
    renderCitizen(container, form, validators.default);
  } else if (kind === 'rjsf') {
    const { renderStockRjsf } = await import('./stockRjsfForm.tsx');
    renderStockRjsf(container, form);
  } else if (kind === 'plain') {
    const { renderPlainDom } = await import('./plainDomForm.ts');
    renderPlainDom(container, form);
  } else {
    throw new Error(`unknown kind ${kind}`);
  }
}

void main();
