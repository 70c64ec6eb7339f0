import { HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { redactSecrets, technicalText } from '../../src-main/core/channels/technical';

const TOKEN = '7712345678:AAFh3kRahasiaBotPstBuleleng_xyz12345';
const PASSWORD = 'Sandi-Kantor-Tertanam-7731!';

/** node-fetch's failure as grammy wraps it: the request URL (with the token) in the cause's message. */
function dnsFailure(): HttpError {
  const fetchError = Object.assign(new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed, reason: getaddrinfo ENOTFOUND api.telegram.org`), {
    name: 'FetchError',
    code: 'ENOTFOUND',
    errno: 'ENOTFOUND',
  });
  return new HttpError("Network request for 'getMe' failed!", fetchError);
}

describe('the technical detail behind a channel error', () => {
  it('names the library error and its cause chain (a DNS failure) without the token or its URL', () => {
    const text = technicalText(dnsFailure(), [TOKEN]);
    expect(text).toMatch(/^HttpError: Network request for 'getMe' failed! ← FetchError ENOTFOUND: request to ‹disembunyikan› failed/);
    expect(text).toContain('getaddrinfo ENOTFOUND api.telegram.org');
    expect(text).not.toContain(TOKEN.split(':')[1]!);
    expect(text).not.toContain('/bot');
  });

  it('removes a password echoed by a server, a token it was not given, and URL credentials', () => {
    const login = Object.assign(new Error(`Authentication failed for pst@bps.go.id with ${PASSWORD}`), { code: 'EAUTH', responseCode: 535 });
    expect(technicalText(login, [PASSWORD])).toBe('Error EAUTH 535: Authentication failed for pst@bps.go.id with ‹disembunyikan›');
    expect(redactSecrets(`token 5123456789:AAExampleOtherBotToken_abcdefgh dan imaps://pst:${PASSWORD}@mail.bps.go.id`, [])).toBe(
      'token ‹disembunyikan› dan imaps://‹disembunyikan›@mail.bps.go.id',
    );
    expect(redactSecrets('https://proxy.local/?password=abc123&x=1', [])).toBe('https://proxy.local/?password=‹disembunyikan›&x=1');
  });
});
