import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { MAX_LOGO_BYTES } from './settingsInputs.ts';

export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

const ACCEPTED: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Checks a logo by its content (docs/SECURITY.md §42): at most 200 KB, and bytes that
 * `file-type` recognises as PNG, JPEG or WebP from their signature. Whatever the name
 * or a client claims, nothing else passes — SVG above all, which is markup that can
 * carry script, and which `file-type` (signatures only) never reports as an image.
 *
 * @example
 * const checked = await checkLogo(bytes); // ok({ mediaType: 'image/png', sha256: '…' })
 */
export async function checkLogo(
  bytes: Uint8Array,
): Promise<Result<{ mediaType: LogoMediaType; sha256: string }, DomainError>> {
  if (bytes.length === 0) return err(invalidImage('Le fichier est vide.'));
  if (bytes.length > MAX_LOGO_BYTES) {
    return err({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Le logo dépasse la taille maximale autorisée (200 Ko).',
      details: { limitBytes: MAX_LOGO_BYTES, bytes: bytes.length },
    });
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ACCEPTED.has(detected.mime)) {
    return err(
      invalidImage('Le logo doit être une image PNG, JPEG ou WebP (le SVG n’est pas accepté).'),
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return ok({ mediaType: detected.mime as LogoMediaType, sha256 });
}

function invalidImage(message: string): DomainError {
  return { code: 'INVALID_IMAGE', message, fieldErrors: { contentBase64: [message] } };
}
