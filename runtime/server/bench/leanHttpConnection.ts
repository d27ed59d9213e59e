import { connect, type Socket } from 'node:net';

export interface LeanAnswer {
  status: number;
  body: string;
}

interface Pending {
  resolve(answer: LeanAnswer): void;
  reject(error: Error): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * The load generator's HTTP/1.1 client: ONE kept-alive connection, one request at a
 * time, answers framed by their Content-Length (the API always sends one:
 * `http/trpcHandler.ts`; anything else is refused with a clear error). On the bench's
 * two shared cores every microsecond the load spends is taken from the server and
 * PostgreSQL; this costs about a third less CPU per request than `node:http` with a
 * kept-alive agent, and undici's `Client` was no lighter than `node:http`
 * (runtime/server/bench/README.md). Not a general client: no chunked answers, no
 * redirects, no pipelining, no TLS.
 *
 * @example
 * const connection = new LeanHttpConnection({ host: '127.0.0.1', port: 3000 });
 * const answer = await connection.post('/trpc/dossiers.submit', 'Cookie: s=…\r\n', '{"id":"…"}');
 * connection.close();
 */
export class LeanHttpConnection {
  readonly #target: { host: string; port: number; localAddress?: string };
  #socket: Socket | undefined;
  #pending: Pending | undefined;
  #received: Buffer = Buffer.alloc(0);

  constructor(target: { host: string; port: number; localAddress?: string }) {
    this.#target = target;
  }

  /**
   * POSTs a JSON `body` to `path`; `headers` are extra header lines, each ending in CRLF.
   * Rejects on a broken connection or an answer without a Content-Length.
   */
  post(path: string, headers: string, body: string): Promise<LeanAnswer> {
    if (this.#pending !== undefined) {
      return Promise.reject(new Error('LeanHttpConnection: one request at a time'));
    }
    const socket = this.#socket ?? this.#open();
    return new Promise<LeanAnswer>((resolve, reject) => {
      this.#pending = { resolve, reject };
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${this.#target.host}:${this.#target.port}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `${headers}\r\n${body}`,
      );
    });
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = undefined;
    this.#received = Buffer.alloc(0);
  }

  #open(): Socket {
    const socket = connect(this.#target);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    const broken = (error?: Error) => {
      // A socket closed before (`close`, or refused answer) must not touch its successor.
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#received = Buffer.alloc(0);
      this.#settle(null, error ?? new Error('LeanHttpConnection: connection closed'));
    };
    socket.on('error', broken);
    socket.on('close', () => broken());
    this.#socket = socket;
    return socket;
  }

  #onData(chunk: Buffer): void {
    this.#received = this.#received.length === 0 ? chunk : Buffer.concat([this.#received, chunk]);
    const headEnd = this.#received.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.#received.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) {
      this.#settle(null, new Error(`LeanHttpConnection: answer without Content-Length: ${head}`));
      this.close();
      return;
    }
    const end = headEnd + HEAD_END.length + Number(length);
    if (this.#received.length < end) return;
    const body = this.#received.toString('utf8', headEnd + HEAD_END.length, end);
    this.#received = this.#received.subarray(end);
    this.#settle({ status: Number(head.slice(9, 12)), body }, null);
  }

  #settle(answer: LeanAnswer | null, error: Error | null): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending === undefined) return;
    if (answer !== null) pending.resolve(answer);
    else pending.reject(error!);
  }
}
