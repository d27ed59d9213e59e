import { once } from 'node:events';
import { connect, Socket } from 'node:net';

/** The part of postgres.js's parsed options its `socket` factory receives that we use. */
export interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false | undefined;
}

/** How long one host may take to accept the connection before the next one is tried. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * postgres.js's `socket` option: a connected TCP (or Unix) socket whose large writes are
 * coalesced (`coalesceLargeWrites`). With a multi-host URL the hosts are tried in
 * turn, the last one that answered first (postgres.js no longer walks the list itself
 * when given a socket; `target_session_attrs` is not honoured on this path).
 *
 * @example
 * postgres(url, { socket: coalescingSocket });
 */
export async function coalescingSocket(target: SocketTarget): Promise<Socket> {
  try {
    const socket = await connectFirstHost(target);
    closeAfterPendingWrite(socket);
    coalesceLargeWrites(socket);
    return socket;
  } catch (error) {
    return failedSocket(error);
  }
}

/**
 * A socket that fails with `error` once postgres.js listens to it. A factory that
 * rejects leaves postgres.js's connection in its "connecting" queue for good (a pool
 * slot lost per failed attempt: with the database down, every request then hung); a
 * socket's `error` then `close` is the path postgres.js handles, as with its own socket.
 */
function failedSocket(error: unknown): Socket {
  const socket = new Socket();
  closeAfterPendingWrite(socket);
  setImmediate(() => socket.destroy(error as Error));
  return socket;
}

const preferredHost = new WeakMap<SocketTarget, number>();

async function connectFirstHost(target: SocketTarget): Promise<Socket> {
  if (target.path) return connectOne(() => connect(target.path as string));
  const hosts = target.host.length > 0 ? target.host : ['localhost'];
  const first = preferredHost.get(target) ?? 0;
  const failures: unknown[] = [];
  for (let step = 0; step < hosts.length; step += 1) {
    const index = (first + step) % hosts.length;
    const port = target.port[index] ?? target.port[0] ?? 5432;
    try {
      const socket = await connectOne(() => connect({ host: hosts[index]!, port }));
      preferredHost.set(target, index);
      return socket;
    } catch (error) {
      failures.push(error);
    }
  }
  throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'no host answered');
}

async function connectOne(open: () => Socket): Promise<Socket> {
  const socket = open();
  try {
    await once(socket, 'connect', { signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return socket;
}

/**
 * Delays the socket's `close` event by one setImmediate. postgres.js (3.4) writes a
 * tick's messages from a setImmediate; when the socket closes first, its `closed`
 * handler cancels that setImmediate but keeps the timer and the unsent bytes, so the
 * connection object never writes again and each reconnection hangs until the connect
 * timeout. Delayed, the pending write runs first (into the destroyed socket, which drops
 * it) and postgres.js's write state is clean when it handles the close.
 */
function closeAfterPendingWrite(socket: Socket): void {
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'close') return emit(event, ...args);
    setImmediate(() => emit(event, ...args));
    return true;
  }) as Socket['emit'];
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
