import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface JsonHttpsServer {
  /** `https://127.0.0.1:<port>`. */
  origin: string;
  /** The server's self-signed certificate, to trust in the client under test. */
  ca: string;
  /** Requests received, by path. */
  hits: string[];
  /** What a path answers: a JSON value, or a raw body and status. */
  answer(path: string, body: unknown, options?: { status?: number; delayMs?: number }): void;
  close(): Promise<void>;
}

/**
 * A real https server on a random loopback port with a certificate made on the spot by
 * the system's `openssl` (valid for `127.0.0.1`), answering what the test sets per path:
 * the far end of a URL data source.
 *
 * @example
 * const remote = await startJsonHttpsServer();
 * remote.answer('/ecoles', [{ id: 'e1', nom: 'École Jean Macé' }]);
 */
export async function startJsonHttpsServer(): Promise<JsonHttpsServer> {
  const folder = mkdtempSync(join(tmpdir(), 'guichet-tls-'));
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const ca = readFileSync(cert, 'utf8');
  const routes = new Map<string, { body: string; status: number; delayMs: number }>();
  const hits: string[] = [];
  const server = createServer({ key: readFileSync(key), cert: ca }, (req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const route = routes.get(path);
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(route?.status ?? 404, { 'content-type': 'application/json' });
      res.end(route?.body ?? '{}');
    }, route?.delayMs ?? 0);
  });
  rmSync(folder, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    ca,
    hits,
    answer(path, body, options = {}) {
      routes.set(path, {
        body: typeof body === 'string' ? body : JSON.stringify(body),
        status: options.status ?? 200,
        delayMs: options.delayMs ?? 0,
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
