import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { pointerTo } from '../../../shared/definition/index.ts';
import {
  checkWebhookTarget,
  type ResolveHost,
  type WebhookTargetError,
} from '../outbound/index.ts';

/**
 * Publish-time refusal of webhook effects the worker would refuse at delivery
 * (docs/SECURITY.md §14), with the very rule it applies (`checkWebhookTarget`): http(s)
 * only, no credentials, and a host whose every address is public — so a URL to
 * `localhost`, a private range or the cloud metadata address fails here, in French,
 * instead of silently at each delivery. A host that does not resolve is refused too:
 * nothing could be delivered. Each URL is looked up once.
 *
 * @example
 * await webhookDiagnostics(definition);
 * // [{ rule: 'webhook-target', pointer: '/workflow/transitions/5/effects/2/url', … }]
 */
export async function webhookDiagnostics(
  definition: DemarcheDefinition,
  resolve?: ResolveHost,
): Promise<Diagnostic[]> {
  const verdicts = new Map<string, Promise<WebhookTargetError | null>>();
  const found: Promise<Diagnostic | null>[] = [];
  definition.workflow.transitions.forEach((transition, index) => {
    (transition.effects ?? []).forEach((effect, position) => {
      if (effect.type !== 'webhook') return;
      const url = effect.url;
      if (!verdicts.has(url)) {
        const options = resolve === undefined ? {} : { resolve };
        const checked = checkWebhookTarget(url, { allowPrivateTargets: false, ...options });
        verdicts.set(
          url,
          checked.then((result) => (result.ok ? null : result.error)),
        );
      }
      const at = pointerTo(`/workflow/transitions/${index}/effects/${position}`, 'url');
      found.push(
        verdicts.get(url)!.then((error) =>
          error === null
            ? null
            : {
                rule: 'webhook-target',
                severity: 'error',
                pointer: at,
                message: `La transition « ${transition.id} » appelle l’adresse « ${url} » : ${reason(error)}`,
              },
        ),
      );
    });
  });
  return (await Promise.all(found)).filter((diagnostic) => diagnostic !== null);
}

function reason(error: WebhookTargetError): string {
  switch (error.code) {
    case 'INVALID_URL':
      return 'ce n’est pas une adresse web valide.';
    case 'FORBIDDEN_SCHEME':
      return `le protocole « ${error.scheme} » n’est pas permis ; utilisez https (ou http).`;
    case 'CREDENTIALS_IN_URL':
      return 'une adresse d’appel ne doit pas contenir d’identifiant ni de mot de passe ; les appels sont signés (en-tête de signature).';
    case 'FORBIDDEN_ADDRESS':
      return `elle mène à ${error.address}, une adresse interne (boucle locale, réseau privé ou lien local) que Guichet n’appelle jamais. Indiquez l’adresse publique du service.`;
    case 'UNRESOLVABLE_HOST':
      return `le nom « ${error.host} » ne correspond à aucune adresse (DNS) : vérifiez l’orthographe du nom de domaine.`;
  }
}
