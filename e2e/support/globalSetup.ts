import { ensureWebBuild } from '../../runtime/server/webBuild/ensureWebBuild.ts';

/**
 * Builds the web apps once for the whole run when they are missing or stale, so each
 * journey's server starts on the build (`GUICHET_WEB_ROOT`) instead of racing to make it.
 */
export default async function buildWebAppsOnce(): Promise<void> {
  await ensureWebBuild();
}
