/**
 * What other folders may import from outbound: the rule every call the server makes to
 * an admin-given address obeys (docs/SECURITY.md §14), shared by delivery (effects) and
 * publish (démarches) so both refuse the same targets. Imports nothing of the server.
 */
export type { ResolveHost, WebhookTarget, WebhookTargetError } from './webhookTarget.ts';
export { checkWebhookTarget, isForbiddenAddress } from './webhookTarget.ts';
