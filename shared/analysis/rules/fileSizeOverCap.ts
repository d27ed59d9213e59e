import { fileFieldsOf, MAX_ATTACHMENT_BYTES } from '../../form/index.ts';
import { quote } from '../support/describe.ts';
import type { LintRule } from '../types.ts';

const megabytes = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * `file-size-over-cap`: a file field's `maxBytes` above the server's cap on any upload
 * (10 Mio). The server keeps its cap, so citizens told they may send more would have
 * their file refused.
 *
 * @example
 * // 'x-file': { maxBytes: 50_000_000 } on `plan`:
 * // { rule: 'file-size-over-cap', pointer: '/form/schema/properties/plan/x-file/maxBytes', … }
 */
export const fileSizeOverCap: LintRule = {
  id: 'file-size-over-cap',
  severity: 'error',
  description: 'Une taille maximale de fichier au-delà de ce que le serveur accepte.',
  check(context, report) {
    for (const field of fileFieldsOf(context.definition.form.schema)) {
      const maxBytes = field.options.maxBytes;
      if (typeof maxBytes !== 'number' || maxBytes <= MAX_ATTACHMENT_BYTES) continue;
      report(
        `/form/schema${field.pointer}/x-file/maxBytes`,
        `Le champ fichier ${quote(field.path)} accepte jusqu’à ${megabytes.format(maxBytes / 1024 / 1024)} Mo, mais le serveur refuse tout fichier de plus de ${megabytes.format(MAX_ATTACHMENT_BYTES / 1024 / 1024)} Mo. Indiquez au plus ${MAX_ATTACHMENT_BYTES} octets.`,
      );
    }
  },
};
