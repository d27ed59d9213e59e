import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { checkColour, colourMessage, LOGO_TYPES, MAX_LOGO_BYTES } from './themeChecks.ts';
import type { TenantSettings } from './unitTypes.ts';

/**
 * The collectivité's name and colours, each colour checked live for AA contrast under
 * white text (saving is offered only when both pass), and its logo, previewed before it
 * is sent (the server checks its bytes, docs/SECURITY.md §42).
 */
export function ThemePanel({ tenantSlug }: { tenantSlug: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.settings.queryOptions({}));
  if (!settings.data) return <p role="status">Chargement de l’apparence…</p>;
  return <ThemeForm settings={settings.data} tenantSlug={tenantSlug} />;
}

function ThemeForm({ settings, tenantSlug }: { settings: TenantSettings; tenantSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [primary, setPrimary] = useState(settings.theme.primaryColor ?? '');
  const [accent, setAccent] = useState(settings.theme.accentColor ?? '');
  const [done, setDone] = useState('');
  const primaryCheck = checkColour(primary);
  const accentCheck = checkColour(accent);
  const savable = [primaryCheck, accentCheck].every(
    (check) => check.kind === 'ok' || check.kind === 'empty',
  );
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.tenant.settings.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.tenant.publicTheme.queryKey() });
  };
  const save = useMutation(
    trpc.tenant.updateSettings.mutationOptions({
      onSuccess: async () => {
        setDone('Apparence enregistrée.');
        await refresh();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    save.mutate({
      name,
      contact: settings.contact,
      theme: {
        ...(primary === '' ? {} : { primaryColor: primary }),
        ...(accent === '' ? {} : { accentColor: accent }),
      },
    });
  }
  const refusal = save.error ? domainErrorOf(save.error) : null;
  return (
    <>
      <section aria-labelledby="titre-apparence" className="carte">
        <h2 id="titre-apparence">Nom et couleurs</h2>
        <form onSubmit={submit}>
          <div className="champ">
            <label htmlFor="theme-nom">Nom de la collectivité</label>
            <input
              id="theme-nom"
              value={name}
              required
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <ColourField
            id="theme-principale"
            label="Couleur principale"
            value={primary}
            onChange={setPrimary}
          />
          <ColourField
            id="theme-accent"
            label="Couleur d’accent"
            value={accent}
            onChange={setAccent}
          />
          <FormOutcome refusal={refusal?.message} done={done} />
          <button type="submit" className="bouton-principal" disabled={!savable || save.isPending}>
            Enregistrer l’apparence
          </button>
          {savable ? null : (
            <p className="aide">
              L’enregistrement attend des couleurs lisibles sous un texte blanc.
            </p>
          )}
        </form>
      </section>
      <LogoForm tenantSlug={tenantSlug} onChanged={refresh} />
    </>
  );
}

function ColourField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const check = checkColour(value);
  const bad = check.kind === 'low' || check.kind === 'malformed';
  return (
    <div className="champ">
      <label htmlFor={id}>{label}</label>
      <span className="couleur">
        <input
          id={id}
          value={value}
          placeholder="#1a4d8f"
          aria-describedby={`${id}-contraste`}
          aria-invalid={bad ? true : undefined}
          onChange={(event) => onChange(event.target.value.trim())}
        />
        {/* Only a readable colour is shown as a sample: white on a light one is the problem. */}
        {check.kind === 'ok' ? (
          <span className="echantillon" style={{ background: value }} aria-hidden="true">
            Aa
          </span>
        ) : null}
      </span>
      <p id={`${id}-contraste`} className={bad ? 'message-erreur' : 'aide'} aria-live="polite">
        {colourMessage(check)}
      </p>
    </div>
  );
}

function LogoForm({
  tenantSlug,
  onChanged,
}: {
  tenantSlug: string;
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const current = useQuery(trpc.tenant.publicTheme.queryOptions({ tenant: tenantSlug }));
  const [chosen, setChosen] = useState<{ dataUrl: string; base64: string; name: string } | null>(
    null,
  );
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const upload = useMutation(
    trpc.tenant.setLogo.mutationOptions({
      onSuccess: async () => {
        setDone('Logo enregistré.');
        setChosen(null);
        await onChanged();
      },
    }),
  );
  async function pick(file: File | undefined) {
    setProblem('');
    setDone('');
    setChosen(null);
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setProblem('Le logo dépasse 200 Ko : choisissez une image plus légère.');
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const base64 = btoa(binary);
    // Previewed as the type the picker allowed; the server reads the real type from the bytes.
    setChosen({ dataUrl: `data:${file.type};base64,${base64}`, base64, name: file.name });
  }
  const logo = current.data?.logo;
  const refusal = upload.error ? domainErrorOf(upload.error) : null;
  return (
    <section aria-labelledby="titre-logo" className="carte">
      <h2 id="titre-logo">Logo</h2>
      {logo ? (
        <figure className="logo-apercu">
          <img
            src={`data:${logo.mediaType};base64,${logo.contentBase64}`}
            alt="Logo actuel de la collectivité"
          />
          <figcaption>Logo actuel</figcaption>
        </figure>
      ) : (
        <p>Aucun logo pour l’instant.</p>
      )}
      <div className="champ">
        <label htmlFor="logo-fichier">Nouveau logo (PNG, JPEG ou WebP, 200 Ko au plus)</label>
        <input
          id="logo-fichier"
          type="file"
          accept={LOGO_TYPES}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </div>
      {chosen ? (
        <figure className="logo-apercu">
          <img src={chosen.dataUrl} alt={`Aperçu du nouveau logo (${chosen.name})`} />
          <figcaption>Aperçu avant envoi</figcaption>
        </figure>
      ) : null}
      <FormOutcome refusal={problem} />
      <FormOutcome refusal={refusal?.message} done={done} />
      <button
        type="button"
        className="bouton-principal"
        disabled={chosen === null || upload.isPending}
        onClick={() => chosen && upload.mutate({ contentBase64: chosen.base64 })}
      >
        Enregistrer ce logo
      </button>
    </section>
  );
}
