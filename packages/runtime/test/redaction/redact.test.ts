import { describe, expect, it } from 'vitest';
import { redact } from '../../src/index.js';

describe('redact()', () => {
  it.each([
    ['/persons/123.456.789-09', '/persons/***'],
    ['/persons/12345678909', '/persons/***'],
    ['?registrationNumber=12345678909&x=1', '?registrationNumber=***&x=1'],
    ['cpf_12345678909', 'cpf_***'],
    ['"document":"123.456.789-09"', '"document":"***"'],
    ['123456789-09 and 123.456.78909', '*** and ***'],
  ])('removes the CPF in %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves longer and shorter runs of digits alone (CNPJ, timestamps, amounts)', () => {
    expect(redact('cnpj 12345678000190, at 1717171717171, amount 1234567890')).toBe(
      'cnpj 12345678000190, at 1717171717171, amount 1234567890',
    );
  });

  it('leaves 11-digit runs inside opaque ids alone (UY3 correlation ids, uuids)', () => {
    // Seen in CI: a random correlation id held 11 digits in a row and came back as "#64098aee375a1f***ec77632".
    for (const id of ['#64098aee375a1f12345678901ec77632', '#12345678901abcdef0123456789abcde', 'e41f42ad-8360-4b46-96fe-24020791234567']) {
      expect(redact(id)).toBe(id);
    }
  });

  it('removes Bearer and Basic credentials and OAuth2 secret fields', () => {
    expect(redact('Authorization: Bearer eyJ.abc-def_1')).toBe('Authorization: Bearer ***');
    expect(redact('authorization: basic dXNlcjpwYXNz==')).toBe('authorization: basic ***');
    expect(redact('{"access_token":"abc.def","expires_in":3600}')).toBe('{"access_token":"***","expires_in":3600}');
    expect(redact('grant_type=client_credentials&client_secret=s3cr3t&scope=x')).toBe(
      'grant_type=client_credentials&client_secret=***&scope=x',
    );
  });

  it('removes the given secrets anywhere, URL-encoded too', () => {
    expect(redact('key=my secret!&other=my%20secret!', ['my secret!'])).toBe('key=***&other=***');
  });
});
