import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ReceivedMail } from './parseMail.ts';

export interface SmtpSink {
  host: string;
  port: number;
  /** Every message accepted so far, in arrival order. */
  messages: ReceivedMail[];
  /** Connections that failed mid-mail (a client killed while sending resets them). */
  connectionErrors: Error[];
  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port that accepts every message (no TLS, no
 * auth) and keeps it, parsed, for assertions. `answerDelayMs` holds each `250 OK` that
 * long, so mail jobs stay in flight (the fault suite kills the server meanwhile).
 *
 * @example
 * const sink = await startSmtpSink();
 * const config = { ...loadConfig({}), smtp: { host: sink.host, port: sink.port, from: 'x@y.fr' } };
 * const [mail] = await sink.waitFor(1);
 */
export async function startSmtpSink(options: { answerDelayMs?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const connectionErrors: Error[] = [];
  const closedSessions = new Set<string>();
  const delayMs = options.answerDelayMs ?? 0;
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          // A client gone before the `250 OK` never learnt the message was taken: like
          // a real server that has not answered, the sink does not keep it.
          if (closedSessions.has(session.id)) return callback(new Error('client gone'));
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), recipients));
          callback();
        };
        if (delayMs > 0) setTimeout(accept, delayMs);
        else accept();
      });
    },
  });
  // smtp-server emits a client's reset in the middle of a mail (after MAIL FROM) as an
  // 'error' on the server; unheard, it would crash the test process. The fault suite
  // kills the sending server on purpose, so a reset is an expected event here: kept,
  // not thrown.
  server.on('error', (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    connectionErrors,
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
