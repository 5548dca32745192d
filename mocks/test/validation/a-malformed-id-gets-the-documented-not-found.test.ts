/**
 * `malformedPathParameterStatus`: a provider that documents a "not found" for unknown ids and no validation
 * error answers an id its schema rejects with that documented answer — only when every violation is in the
 * path and the operation documents that exact status; anything else keeps the provider's validation error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderProfile } from '../../src/providers/types.js';
import { malformedPathAnswer } from '../../src/validation/malformed-path.js';
import type { Violation } from '../../src/validation/violation.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const badId: Violation = {
  location: 'path',
  field: ['id'],
  keyword: 'format',
  message: 'path.id must match format "uuid"',
  params: { format: 'uuid' },
  value: 'not-a-uuid',
};
const badQuery: Violation = { ...badId, location: 'query', field: ['page'], message: 'query.page must be integer' };
const profile = (status?: number): ProviderProfile => ({
  ...(status === undefined ? {} : { malformedPathParameterStatus: status }),
  validationError: () => ({ status: 400 }),
});

describe.runIf(hasProvider('zemo'))('a malformed id gets the documented not-found', () => {
  it('answers the operation’s documented 404 when only path parameters are wrong', () => {
    const { responses } = running.operation('zemo', 'getOperation');
    const answer = malformedPathAnswer(profile(404), responses, [badId]);
    expect(answer).toBe(responses.forCode(404)?.answers.first);
  });

  it('leaves every other case to the validation error', () => {
    const { responses } = running.operation('zemo', 'getOperation');
    expect(malformedPathAnswer(profile(), responses, [badId]), 'profile names no status').toBeUndefined();
    expect(malformedPathAnswer(profile(404), responses, [badId, badQuery]), 'a violation outside the path').toBeUndefined();
    expect(malformedPathAnswer(profile(404), responses, []), 'no violation').toBeUndefined();
    expect(malformedPathAnswer(profile(409), responses, [badId]), 'status the operation does not document').toBeUndefined();
  });

  it('does not take a documented range (`4XX`) for the status', () => {
    const { responses } = running.operation('zemo', 'getOperation');
    const answers = responses.forCode(404)?.answers;
    if (!answers) throw new Error('zemo getOperation documents no 404');
    const onlyRange: typeof responses = { ...responses, forCode: (code) => ({ answers: { ...answers, status: '4XX' }, status: code }) };
    expect(malformedPathAnswer(profile(404), onlyRange, [badId])).toBeUndefined();
  });
});
