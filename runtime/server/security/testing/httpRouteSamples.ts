import { type Caller, SIGNED_IN } from './callers.ts';
import { SAMPLE_PNG, type SampleWorld } from './sampleWorld.ts';

/** A request outside tRPC, relative to the server. */
export interface HttpRequestSample {
  path: string;
  init: RequestInit;
}

/**
 * An HTTP route that takes ids outside tRPC (files travel as raw bodies), described as
 * `ProcedureSample`s are: `callers` pass authentication, `readers` may see the object,
 * `actor` would be served.
 */
export interface HttpRouteSample {
  callers: readonly Caller[];
  readers: readonly Caller[];
  actor: Caller;
  request(world: SampleWorld): HttpRequestSample;
}

/**
 * The id-taking HTTP routes (`attachmentsHttpHandler`). They cannot be introspected like
 * the tRPC router: a new route must be added here by hand.
 */
export const HTTP_ROUTE_SAMPLES: Record<string, HttpRouteSample> = {
  'POST /api/dossiers/:id/attachments': {
    callers: SIGNED_IN,
    // Uploading needs an editable field: only the applicant, on their draft.
    readers: ['citizen'],
    actor: 'citizen',
    request: (world) => ({
      path: `/api/dossiers/${world.draft.id}/attachments?field=justificatif&name=avis.png`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(SAMPLE_PNG),
      },
    }),
  },
  'GET /api/attachments/:id': {
    callers: SIGNED_IN,
    readers: ['citizen', 'admin', 'agent', 'supervisor'],
    actor: 'agent',
    request: (world) => ({ path: `/api/attachments/${world.attachmentId}`, init: {} }),
  },
};
