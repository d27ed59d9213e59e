import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { pointerTo } from '../../../shared/definition/index.ts';
import {
  checkWebhookTarget,
  type ResolveHost,
  type WebhookTargetError,
} from '../outbound/index.ts';

/** One address of the definition the server would call, and how to name it to the admin. */
interface OutboundAddress {
  url: string;
  rule: 'webhook-target' | 'data-source-target';
  pointer: string;
  /** « La transition « x » appelle » / « La source de données « y » lit ». */
  caller: string;
}

/**
 * Publish-time refusal of the addresses the server would refuse to call (docs/SECURITY.md
 * §14, §102): webhook effects and `url` data sources, with the very rule delivery and
 * reading apply (`checkWebhookTarget`): no credentials, and a host whose every address is
 * public — so a URL to `localhost`, a private range or the cloud metadata address fails
 * here, in French, instead of silently at each delivery or as a list « momentanément
 * indisponible » to every citizen. A host that does not resolve is refused too: nothing
 * could be called. Each URL is looked up once.
 *
 * @example
 * await outboundDiagnostics(definition);
 * // [{ rule: 'webhook-target', pointer: '/workflow/transitions/5/effects/2/url', … }]
 */
export async function outboundDiagnostics(
  definition: DemarcheDefinition,
  resolve?: ResolveHost,
): Promise<Diagnostic[]> {
  const verdicts = new Map<string, Promise<WebhookTargetError | null>>();
  const verdictOf = (url: string) => {
    let verdict = verdicts.get(url);
    if (verdict === undefined) {
      const options = resolve === undefined ? {} : { resolve };
      verdict = checkWebhookTarget(url, { allowPrivateTargets: false, ...options }).then(
        (result) => (result.ok ? null : result.error),
      );
      verdicts.set(url, verdict);
    }
    return verdict;
  };
  const found = addressesOf(definition).map(async (address): Promise<Diagnostic | null> => {
    const error = await verdictOf(address.url);
    return error === null
      ? null
      : {
          rule: address.rule,
          severity: 'error',
          pointer: address.pointer,
          message: `${address.caller} l’adresse « ${address.url} » : ${reason(error)}`,
        };
  });
  return (await Promise.all(found)).filter((diagnostic) => diagnostic !== null);
}

function addressesOf(definition: DemarcheDefinition): OutboundAddress[] {
  const addresses: OutboundAddress[] = [];
  definition.workflow.transitions.forEach((transition, index) => {
    (transition.effects ?? []).forEach((effect, position) => {
      if (effect.type !== 'webhook') return;
      addresses.push({
        url: effect.url,
        rule: 'webhook-target',
        pointer: pointerTo(`/workflow/transitions/${index}/effects/${position}`, 'url'),
        caller: `La transition « ${transition.id} » appelle`,
      });
    });
  });
  (definition.dataSources ?? []).forEach((source, index) => {
    // An https-less or empty URL is the linter's (`insecure-data-source-url`).
    if (source.kind !== 'url' || typeof source.url !== 'string' || source.url === '') return;
    addresses.push({
      url: source.url,
      rule: 'data-source-target',
      pointer: `/dataSources/${index}/url`,
      caller: `La source de données « ${source.id} » lit`,
    });
  });
  return addresses;
}

function reason(error: WebhookTargetError): string {
  switch (error.code) {
    case 'INVALID_URL':
      return 'ce n’est pas une adresse web valide.';
    case 'FORBIDDEN_SCHEME':
      return `le protocole « ${error.scheme} » n’est pas permis ; utilisez https (ou http).`;
    case 'CREDENTIALS_IN_URL':
      return 'une adresse appelée par Guichet ne doit pas contenir d’identifiant ni de mot de passe.';
    case 'FORBIDDEN_ADDRESS':
      return `elle mène à ${error.address}, une adresse interne (boucle locale, réseau privé ou lien local) que Guichet n’appelle jamais. Indiquez l’adresse publique du service.`;
    case 'UNRESOLVABLE_HOST':
      return `le nom « ${error.host} » ne correspond à aucune adresse (DNS) : vérifiez l’orthographe du nom de domaine.`;
  }
}
