import { useTRPCClient } from '../../runtime/web/api/trpcContext.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { downloadJson } from './downloadJson.ts';

/**
 * Someone saved this draft meanwhile. Autosave has stopped and the admin's version is
 * still here: they keep it (saved over the stored one), download it, or load the stored
 * one instead — never a silent loss either way.
 */
export function ConflictBanner({
  id,
  message,
  definition,
  onOverwrite,
  onReload,
}: {
  id: string;
  message: string;
  definition: DemarcheDefinition;
  onOverwrite: () => Promise<boolean>;
  onReload: (draft: DemarcheDefinition, revision: number) => void;
}) {
  const client = useTRPCClient();
  async function reload() {
    const stored = await client.demarches.get.query({ id });
    onReload(stored.draft as unknown as DemarcheDefinition, stored.draftRevision);
  }
  return (
    <div className="bandeau-conflit" role="alert">
      <p>{message}</p>
      <p>Votre version est toujours affichée ici. Que voulez-vous faire ?</p>
      <button type="button" onClick={() => void onOverwrite()}>
        Garder ma version (remplacer l’autre)
      </button>{' '}
      <button
        type="button"
        onClick={() => downloadJson(definition, `${definition.meta?.slug ?? 'demarche'}.json`)}
      >
        Télécharger ma version
      </button>{' '}
      <button type="button" onClick={() => void reload()}>
        Charger la version enregistrée (abandonner la mienne)
      </button>
    </div>
  );
}
