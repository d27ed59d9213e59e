import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domainErrorOf.ts';

/** What the client throws for an error response shaped by the server's formatter. */
function clientError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { code: -32600, message, data } });
}

describe('domainErrorOf', () => {
  it('reads the code, the French message and the field errors the server sent', () => {
    const error = clientError('Les données envoyées ne sont pas valides.', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      domainCode: 'INVALID_INPUT',
      fieldErrors: { '/email': ['Adresse e-mail invalide.'] },
      details: null,
    });
    expect(domainErrorOf(error)).toEqual({
      code: 'INVALID_INPUT',
      message: 'Les données envoyées ne sont pas valides.',
      fieldErrors: { '/email': ['Adresse e-mail invalide.'] },
    });
  });

  it('gives an empty field map when the server sent none', () => {
    const error = clientError('Identifiant ou mot de passe incorrect.', {
      domainCode: 'INVALID_CREDENTIALS',
      fieldErrors: null,
    });
    expect(domainErrorOf(error)?.fieldErrors).toEqual({});
  });

  it('keeps only string messages from a malformed field map', () => {
    const error = clientError('Refusé.', {
      domainCode: 'INVALID_DATA',
      fieldErrors: { '/a': ['ok', 3, null], '/b': 'not a list', '/c': [] },
    });
    expect(domainErrorOf(error)?.fieldErrors).toEqual({ '/a': ['ok'] });
  });

  it('returns null for an internal error, which carries no domain code', () => {
    const error = clientError('Une erreur interne est survenue. Veuillez réessayer.', {
      code: 'INTERNAL_SERVER_ERROR',
      domainCode: null,
      fieldErrors: null,
    });
    expect(domainErrorOf(error)).toBeNull();
  });

  it('returns null for a network failure and for things that are not errors', () => {
    expect(domainErrorOf(TRPCClientError.from(new TypeError('fetch failed')))).toBeNull();
    expect(domainErrorOf(new Error('boom'))).toBeNull();
    expect(domainErrorOf(null)).toBeNull();
    expect(domainErrorOf('INVALID_CREDENTIALS')).toBeNull();
    expect(domainErrorOf({ message: 'x', data: { domainCode: '' } })).toBeNull();
  });
});
