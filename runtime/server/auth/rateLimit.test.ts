import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { callRaw, loginAs, nextTestIp } from './testing/authTestKit.ts';

let server: TestServer;
let world: SeededTenant;

beforeAll(async () => {
  // 4 s into a 15-s window, so Retry-After values are predictable.
  server = await startTestServer({ start: new Date('2026-03-02T08:00:04Z') });
  world = await seedTenant(server.database.db);
});
afterAll(() => server.close());

describe('rate limits on credentials (docs/SECURITY.md §1)', () => {
  it('answers 30 logins from one IP within 15 s with 429 + Retry-After; other IPs pass', async () => {
    const attacker = server.client({ ip: nextTestIp() });
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await callRaw(attacker, 'auth.login', {
        tenant: world.slug,
        email: `victime${i}@${world.slug}.test`,
        password: 'essai de mot de passe',
      });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      server.clock.advance(300);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    expect(refused?.headers.get('retry-after')).toBe('8');
    expect((await refused!.json()).error).toMatchObject({
      message: expect.stringMatching(/^Trop de tentatives/),
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, domainCode: 'RATE_LIMITED' },
    });

    // A colleague on another address logs in normally.
    const colleague = server.client({ ip: nextTestIp() });
    await expect(loginAs(colleague, world, 'agent')).resolves.toMatchObject({ kind: 'staff' });
    // Even the right password is refused from the throttled address, until the window ends.
    await expect(loginAs(attacker, world, 'citizen')).rejects.toThrow(/Trop de tentatives/);
    server.clock.advance(15_000);
    await expect(loginAs(attacker, world, 'citizen')).resolves.toMatchObject({ kind: 'citizen' });
  });

  it('catches 30 logins in 15 s even when they straddle two windows', async () => {
    const attacker = server.client({ ip: nextTestIp() });
    // Move to 7.5 s before a window boundary, then 30 attempts every 0.5 s.
    const now = server.clock.now().getTime();
    server.clock.set(new Date(Math.ceil(now / 15_000) * 15_000 + 7_500));
    let refusals = 0;
    for (let i = 0; i < 30; i++) {
      const res = await callRaw(attacker, 'auth.login', {
        tenant: world.slug,
        email: `x@${world.slug}.test`,
        password: 'essai',
      });
      if (res.status === 429) refusals++;
      server.clock.advance(500);
    }
    expect(refusals).toBe(10);
  });

  it('limits sign-ups the same way', async () => {
    server.clock.advance(15_000);
    const spammer = server.client({ ip: nextTestIp() });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await callRaw(spammer, 'auth.signup', {
        tenant: world.slug,
        email: `robot${i}@example.fr`,
        password: 'court',
        displayName: 'Robot',
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const other = server.client({ ip: nextTestIp() });
    const res = await callRaw(other, 'auth.signup', {
      tenant: world.slug,
      email: 'humaine@example.fr',
      password: 'une vraie phrase de passe assez longue',
      displayName: 'Humaine',
    });
    expect(res.status).toBe(200);
  });
});
