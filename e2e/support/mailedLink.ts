import { expect } from 'vitest';
import type { SmtpSink } from '../../runtime/server/effects/testing/startSmtpSink.ts';

/**
 * The path of the newest link to `path` (`/confirmer`, `/reinitialiser`) mailed to
 * `email`, once the server's worker has sent it: e.g. `/confirmer#jeton=…`. Waits for
 * the `count`-th such mail when given, so a resent link is not confused with the first.
 *
 * @example
 * await page.goto(await mailedLink(server.mail, 'camille@example.fr', '/confirmer'));
 */
export async function mailedLink(
  sink: SmtpSink,
  email: string,
  path: string,
  count = 1,
): Promise<string> {
  const pattern = new RegExp(`${path}#jeton=([A-Za-z0-9_-]{43})`);
  const links = () =>
    sink.messages
      .filter((mail) => mail.recipients.includes(email))
      .map((mail) => pattern.exec(mail.text)?.[1])
      .filter((token): token is string => token !== undefined);
  await expect.poll(() => links().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  return `${path}#jeton=${links().at(-1)}`;
}
