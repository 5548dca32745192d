/**
 * `redactText` returns a text untouched when none of `redact`'s patterns' triggers is in it (the fast path the
 * mock's journal relies on: it redacts every header value of every request). The fast path must never let
 * through what the full path removes: with a known secret given (which forces the full path) the result is
 * the same, over every sample of the redaction tests' kinds and thousands of seeded random texts built
 * from the characters the patterns care about.
 */
import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../src/redact.js';

// A secret that never occurs: it makes redact() take the full path without changing its result.
const FORCE_FULL = ['\u0000never-present\u0000'];
const full = (text: string): string => redact(text, FORCE_FULL);

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '0',
  '1',
  '5',
  '9',
  '123',
  '456.',
  '789-',
  '09',
  '.',
  '-',
  '@',
  '%40',
  ':',
  '=',
  '"',
  ' ',
  '&',
  ',',
  '/',
  'a',
  'Z',
  'x.com',
  'Bearer ',
  'basic ',
  'token',
  'Secret',
  'api_key',
  'auth',
  'session',
  'code=',
  'password',
  'pwd',
  'jwt',
  'signature',
  'credentials',
  'assertion',
  '\n',
  '_',
  '%2F',
];

describe('redactText, the fast path of redact', () => {
  it.each([
    'node',
    '127.0.0.1:4010',
    'keep-alive',
    '/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee',
    'Bearer abc.def',
    'Basic bW9jazpzZWNyZXQ=',
    '{"access_token": "x", "n": 1}',
    'client_secret=s3&grant_type=client_credentials',
    '/persons/123.456.789-09',
    '00805349960',
    'ana%40example.com',
    'ana@example.com',
    '?code=abc&state=1',
    'x-api-key: k',
    '#64098aee37512345678901bc',
  ])('redacts %j as the full path does', (text) => {
    expect(redactText(text)).toBe(full(text));
  });

  it('agrees with the full path on 5000 seeded random texts', () => {
    const random = seeded(20261201);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(redactText(text), JSON.stringify(text)).toBe(full(text));
    }
  });
});

describe('redactJson', () => {
  it('keeps a "__proto__" member a member (JSON.parse makes one), redacted like any other', async () => {
    const { redactJson } = await import('../../src/redact.js');
    const redacted = redactJson(JSON.parse('{"__proto__": {"token": "t0k"}, "list": [1, "008.053.499-60"]}') as unknown);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"token":"***"},"list":[1,"***"]}');
  });
});
