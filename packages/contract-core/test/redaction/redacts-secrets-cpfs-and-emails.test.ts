import { describe, expect, it } from 'vitest';
import { redact, redactJson, Redactor } from '@credit-apis/contract-core/redact';

describe('redact()', () => {
  it.each([
    ['/eccor-fgts/v1/NaturalPerson?registrationNumber=00805349960', '/eccor-fgts/v1/NaturalPerson?registrationNumber=***'],
    ['/eccor-fgts/v1/NaturalPerson/00805349960', '/eccor-fgts/v1/NaturalPerson/***'],
    ['/persons/123.456.789-09', '/persons/***'],
    ['cpf_12345678909', 'cpf_***'],
    ['"document":"123.456.789-09"', '"document":"***"'],
    ['123456789-09 and 123.456.78909', '*** and ***'],
  ])('removes the CPF in %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves longer and shorter runs of digits and opaque ids alone', () => {
    const text =
      'cnpj 12345678000190, at 1717171717171, amount 1234567890, #64098aee375a1f12345678901ec77632, e41f42ad-8360-4b46-96fe-24020791234567';
    expect(redact(text)).toBe(text);
  });

  it.each([
    ['?searchString=nilce.knupp%40example.com.br&page=1', '?searchString=***&page=1'],
    ['"email":"nilce.knupp@example.com.br"', '"email":"***"'],
    ['contact Nilce.Knupp+fgts@uy3.com.br today', 'contact *** today'],
  ])('removes the e-mail in %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'key',
    'apiKey',
    'api_key',
    'x-api-key',
    'private_key',
    'jwt',
    'code',
    'bearer',
    'token',
    'access_token',
    'secret',
    'client_secret',
    'password',
  ])('removes the value of a %s query or form member', (name) => {
    expect(redact(`/hook?${name}=s3cr3t-VALUE&page=2`)).toBe(`/hook?${name}=***&page=2`);
  });

  it('removes secret JSON members, strings and numbers, escapes included', () => {
    expect(redact('{"access_token":"abc.\\"def","expires_in":3600,"apiKey": 12345,"refresh_token" : "r"}')).toBe(
      '{"access_token":"***","expires_in":3600,"apiKey": ***,"refresh_token" : "***"}',
    );
  });

  it('keeps a JSON error "code" readable (only code= of a query or form is an OAuth2 code)', () => {
    expect(redact('{"code":"InvalidField","message":"x"}')).toBe('{"code":"InvalidField","message":"x"}');
    expect(redact('bankCode=001&zipCode=01310')).toBe('bankCode=001&zipCode=01310');
  });

  it('removes Bearer and Basic credentials', () => {
    expect(redact('Authorization: Bearer eyJ.abc-def_1')).toBe('Authorization: Bearer ***');
    expect(redact('authorization: basic dXNlcjpwYXNz==')).toBe('authorization: basic ***');
  });

  it('removes the given secrets anywhere, URL-encoded too, longest first', () => {
    expect(redact('a=my secret!&b=my%20secret!&c=my', ['my', 'my secret!'])).toBe('a=***&b=***&c=***');
  });

  it('forgets the oldest known secrets past its bound', () => {
    const redactor = new Redactor(2);
    for (const secret of ['one-1', 'two-2', 'three-3']) redactor.add(secret);
    expect(redactor.redact('one-1 two-2 three-3')).toBe('one-1 *** ***');
  });
});

describe('redactJson()', () => {
  it('redacts every string and secret-named member of stored data, keeping it JSON', () => {
    const stored = {
      url: 'https://partner.example/hook?token=abc&x=1',
      headers: { 'X-Api-Key': 'k-1', Authorization: 'Bearer t' },
      pin: 1234,
      person: { cpf: '00805349960', email: 'a@b.com' },
    };
    expect(redactJson(stored)).toEqual({
      url: 'https://partner.example/hook?token=***&x=1',
      headers: { 'X-Api-Key': '***', Authorization: 'Bearer ***' },
      pin: 1234,
      person: { cpf: '***', email: '***' },
    });
  });
});
