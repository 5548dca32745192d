/**
 * The README's example is `examples/basic.ts`, verbatim (with the published package names): this test checks
 * that the two are the same text, then runs the example against local servers.
 */
import { describe, expect, it } from 'vitest';
import { sendJson, startTestServer } from '@credit-apis/test-kit/http-server';
import { captureConsole } from '@credit-apis/test-kit/console';
import { itShowsTheExampleInTheReadme } from '@credit-apis/test-kit/readme-example';
import { readBundle, specOperation, startSpecServer } from '@credit-apis/test-kit/spec-server';
import { describeOperation, zemoClient } from '../../examples/basic.js';

const spec = readBundle('zemo');

describe('README example (examples/basic.ts)', () => {
  itShowsTheExampleInTheReadme(new URL('../../', import.meta.url));

  it('runs: the documented operation, with the bearer token, logged', async () => {
    const { info } = captureConsole();
    const server = await startSpecServer(spec, { authorization: { bearerAuth: 'Bearer s3cret' } });
    const { id } = specOperation(spec, 'getOperation').success.body as { id: string };
    expect(await describeOperation(zemoClient(server.url, 's3cret', { checkContract: true }), id)).toBe(
      'Cristiano Ronaldo: 1 title(s), 1000 → 743 net',
    );
    expect(server.problems).toEqual([]);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^zemo: GET \/api\/operations\/\S+ → 200 in \d+ ms \(attempt 1\)$/));
    expect(JSON.stringify(info.mock.calls)).not.toContain('s3cret');
  });

  it('runs: a 404 is "no such operation", a 401 an ApiError; a drifted answer is a warning', async () => {
    const { info } = captureConsole();
    const answers = [
      { status: 404, body: { message: 'We could not find the opetarion with this id.' } },
      { status: 401, body: { message: 'Invalid credentials.' } },
      { status: 404, body: { message: 'gone', code: 'NEW_FIELD' } },
    ];
    const server = await startTestServer((_request, response, index) =>
      sendJson(response, answers[index]?.status ?? 500, answers[index]?.body),
    );
    expect(await describeOperation(zemoClient(server.url, 'zemo-token'), 'x')).toBe('no such operation');
    await expect(describeOperation(zemoClient(server.url, 'zemo-token'), 'x')).rejects.toMatchObject({
      name: 'ApiError',
      status: 401,
      body: { message: 'Invalid credentials.' },
    });
    const checked = zemoClient(server.url, 'zemo-token', { checkContract: true });
    expect(await describeOperation(checked, 'x')).toBe('no such operation');
    expect(info).toHaveBeenCalledWith(
      'zemo: GET /api/operations/{id} answered 404 with a body that does not match the spec: /code is not in the spec',
    );
  });
});
