import { createTransport } from 'nodemailer';
import type { ServerConfig } from '../core/config.ts';

export interface OutgoingMail {
  to: string[];
  subject: string;
  /** Plain text, as rendered from the template. */
  text: string;
  /** `<…@…>`; stable per effect, so a duplicate that slips through can be recognised. */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects otherwise (retry). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer over nodemailer for `config.smtp`. Each mail is sent as plain text with
 * an HTML alternative that is the same text fully escaped (`textToHtml`): nothing from
 * the data or the template reaches the HTML part as markup (docs/SECURITY.md §11).
 *
 * Timeouts are bounded so a stuck server fails the job (and pg-boss retries it) long
 * before the job's expiry.
 *
 * @example
 * const mailer = createMailer({ host: '127.0.0.1', port: 2525, from: 'Guichet <ne-pas-repondre@x.fr>' });
 * await mailer.send({ to: ['claire@example.fr'], subject: 'Bonjour', text: 'Texte', messageId: '<1@guichet>' });
 */
export function createMailer(smtp: NonNullable<ServerConfig['smtp']>): Mailer {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        // A subject is one line: a newline from the data must not start a header.
        subject: mail.subject.replace(/\s+/g, ' ').trim(),
        text: mail.text,
        html: textToHtml(mail.text),
        messageId: mail.messageId,
        // RFC 3834: automatic mail, so auto-responders stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text as an HTML document: every character escaped, line breaks kept.
 *
 * @example
 * textToHtml('a <b>\nc') // '<!doctype html>…a &lt;b&gt;<br>\nc…'
 */
function textToHtml(text: string): string {
  const escaped = text
    .replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
    .replace(/\r?\n/g, '<br>\n');
  return `<!doctype html><html lang="fr"><body><p>${escaped}</p></body></html>`;
}
