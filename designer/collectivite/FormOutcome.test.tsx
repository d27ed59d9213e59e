import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormOutcome } from './FormOutcome.tsx';

// The panels of « Ma collectivité » all tell a form's outcome through this one component:
// screen readers rely on its roles (alert for a refusal, status for a success).
describe('FormOutcome', () => {
  it('tells a refusal as an alert', () => {
    expect(renderToStaticMarkup(<FormOutcome refusal="Ce code est déjà pris." done="" />)).toBe(
      '<p role="alert" class="message-erreur">Ce code est déjà pris.</p>',
    );
  });

  it('tells a success as a status', () => {
    expect(renderToStaticMarkup(<FormOutcome refusal={null} done="Apparence enregistrée." />)).toBe(
      '<p role="status" class="message-succes">Apparence enregistrée.</p>',
    );
  });

  it('draws the refusal before the success when both are there', () => {
    expect(renderToStaticMarkup(<FormOutcome refusal="Refusé." done="Enregistré." />)).toBe(
      '<p role="alert" class="message-erreur">Refusé.</p><p role="status" class="message-succes">Enregistré.</p>',
    );
  });

  it('draws nothing for an empty or absent outcome', () => {
    expect(renderToStaticMarkup(<FormOutcome refusal="" done="" />)).toBe('');
    expect(renderToStaticMarkup(<FormOutcome />)).toBe('');
    expect(renderToStaticMarkup(<FormOutcome refusal={undefined} />)).toBe('');
  });
});
