import { describe, expect, it } from 'vitest';
import { invitationToken } from './invitationToken.ts';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

describe('invitationToken', () => {
  it('reads a well-formed token from the fragment', () => {
    expect(invitationToken(`#jeton=${TOKEN}`)).toBe(TOKEN);
  });

  it('refuses a missing, short or foreign-character token', () => {
    expect(invitationToken('')).toBeNull();
    expect(invitationToken('#jeton=court')).toBeNull();
    expect(invitationToken(`#jeton=${TOKEN.slice(1)}<`)).toBeNull();
    expect(invitationToken(`#autre=${TOKEN}`)).toBeNull();
  });
});
