import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** The part of postgres.js's parsed options its `socket` factory receives that we use. */
export interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false | undefined;
}

/** postgres.js's own default. */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * postgres.js's `socket` option: a connected TCP (or Unix) socket whose large writes are
 * coalesced (`coalesceLargeWrites`). Single-host URLs only: with this option postgres.js
 * no longer walks a multi-host list itself (`openPostgres` checks).
 *
 * @example
 * postgres(url, { socket: coalescingSocket });
 */
export async function coalescingSocket(target: SocketTarget): Promise<Socket> {
  const socket = target.path
    ? connect(target.path)
    : connect({ host: target.host[0] ?? 'localhost', port: target.port[0] ?? 5432 });
  try {
    await once(socket, 'connect', { signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
  } catch (error) {
    socket.destroy();
    throw error;
  }
  coalesceLargeWrites(socket);
  return socket;
}

/** postgres.js sends its buffer at once from this size on, and after a setImmediate below. */
const POSTGRES_JS_FLUSH_BYTES = 1024;

/**
 * Makes a batch of pipelined statements leave in ONE socket write. postgres.js buffers
 * the messages of the statements sent in a tick and writes them in a setImmediate, but
 * writes at once as soon as its buffer reaches 1 KiB: a transition's five writes (about
 * 2 KiB) left in two writes, and a socket write is the dearest thing a request does on
 * these machines (runtime/server/bench/README.md). So a write of 1 KiB or more corks the
 * socket, and it is uncorked in a setImmediate queued from a nextTick, i.e. after the
 * setImmediate postgres.js queues for the rest of the batch during the same tick's
 * microtasks: both go out in one writev, in the same turn of the event loop as before.
 * Smaller writes, which postgres.js already sends from its setImmediate, go straight
 * through unless the socket is corked.
 *
 * @example
 * coalesceLargeWrites(socket);
 */
export function coalesceLargeWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  const coalescing = (chunk: unknown, ...rest: unknown[]) => {
    if (!corked && (chunk as { length?: number }).length! >= POSTGRES_JS_FLUSH_BYTES) {
      corked = true;
      socket.cork();
      process.nextTick(() => setImmediate(uncork));
    }
    return write(chunk, ...rest);
  };
  socket.write = coalescing as Socket['write'];
}
