import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from './startSmtpSink.ts';

let sink: SmtpSink | undefined;

afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** Writes `line` and waits for the sink's next reply. */
function say(socket: Socket, line: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (reply: Buffer) => resolve(reply.toString()));
    socket.write(`${line}\r\n`);
  });
}

describe('startSmtpSink', () => {
  it('keeps a client reset in the middle of a mail as a connection error, not a crash', async () => {
    sink = await startSmtpSink();
    const socket = connect(sink.port, sink.host);
    await new Promise((resolve) => socket.once('data', resolve)); // greeting
    expect(await say(socket, 'EHLO killed.test')).toMatch(/^250/);
    expect(await say(socket, 'MAIL FROM:<guichet@killed.test>')).toMatch(/^250/);
    expect(await say(socket, 'RCPT TO:<citoyen@example.fr>')).toMatch(/^250/);
    expect(await say(socket, 'DATA')).toMatch(/^354/);
    socket.write('Subject: half a mail\r\n\r\nThe sender dies here');
    // What a SIGKILLed sender's kernel does with a socket holding unread data: RST.
    socket.resetAndDestroy();

    const deadline = Date.now() + 5_000;
    while (sink.connectionErrors.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sink.connectionErrors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual([
      'ECONNRESET',
    ]);
    expect(sink.messages).toEqual([]);
  });
});
