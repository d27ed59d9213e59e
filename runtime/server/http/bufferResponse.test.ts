import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bufferResponse } from './bufferResponse.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** A real server whose handler writes through `bufferResponse`; the raw answer back. */
async function answer(handler: (res: ServerResponse) => void) {
  server = createServer((_req, res) => {
    bufferResponse(res);
    handler(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return { response, body: await response.text() };
}

describe('bufferResponse', () => {
  it('sends every write with the end, with its length and no chunked encoding', async () => {
    const written: string[] = [];
    const { response, body } = await answer((res) => {
      res.setHeader('content-type', 'application/json');
      res.write('{"a":');
      res.write(Buffer.from('"é"'), () => written.push('callback'));
      res.write(',"b":1', 'utf8');
      res.end('}');
    });
    expect(body).toBe('{"a":"é","b":1}');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(written).toEqual(['callback']);
  });

  it('answers an empty body with a zero length', async () => {
    const { response, body } = await answer((res) => {
      res.statusCode = 204;
      res.end();
    });
    expect(response.status).toBe(204);
    expect(body).toBe('');
  });

  it('calls the end callback', async () => {
    let ended = false;
    const { body } = await answer((res) => {
      res.write('ok');
      res.end(() => {
        ended = true;
      });
    });
    expect(body).toBe('ok');
    expect(ended).toBe(true);
  });
});
