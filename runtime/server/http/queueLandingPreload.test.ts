import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/index.ts';
import { queueLandingPreload } from './queueLandingPreload.ts';

const request = (url: string, cookie?: string) =>
  ({ url, headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

describe('queueLandingPreload', () => {
  it('announces who is signed in and the first page of the unfiltered queue', () => {
    const link = queueLandingPreload(request('/agent/', `theme=1; ${SESSION_COOKIE}=abc`));
    expect(link).toBe(
      '</trpc/auth.me?batch=1&input=%7B%7D>; rel=preload; as=fetch; crossorigin, ' +
        '</trpc/queues.list?input=%7B%22limit%22%3A100%7D>; rel=preload; as=fetch; crossorigin',
    );
  });

  it('announces nothing without a session, with filters, or elsewhere', () => {
    expect(queueLandingPreload(request('/agent/'))).toBeNull();
    expect(queueLandingPreload(request('/agent/', 'guichet_session=abc'))).toBeNull();
    expect(queueLandingPreload(request('/agent/?q=Martin', `${SESSION_COOKIE}=abc`))).toBeNull();
    expect(queueLandingPreload(request('/agent/dossiers/1', `${SESSION_COOKIE}=abc`))).toBeNull();
    expect(queueLandingPreload(request('/', `${SESSION_COOKIE}=abc`))).toBeNull();
  });
});
