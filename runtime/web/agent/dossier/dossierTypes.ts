import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';

type Outputs = inferRouterOutputs<AppRouter>;

/** A dossier as `dossiers.get` shows it to the signed-in agent. */
export type Dossier = Outputs['dossiers']['get'];
export type DossierAction = Dossier['allowedActions'][number];
export type Attachment = Dossier['attachments'][number];
export type HistoryEntry = Outputs['dossiers']['history'][number];
export type Message = Outputs['dossiers']['messages']['list'][number];
