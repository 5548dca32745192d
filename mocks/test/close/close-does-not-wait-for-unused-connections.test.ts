/**
 * `close()` ends: a connection the client opened and never used (undici opens some after an aborted
 * request, as a timeout causes) and an answer held back by a `delayMs` fault do not keep it waiting.
 */
import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startMock } from '../support/mock.js';
import { samplePath } from '../support/control.js';

describe('close()', () => {
  it('drops connections that never sent a byte and answers still waiting out a delay', async () => {
    const running = await startMock();
    const unused = connect(Number(new URL(running.url).port), '127.0.0.1');
    await once(unused, 'connect');
    running.mock.fault({ provider: 'zemo', fault: { delayMs: 600_000 } });
    const late = fetch(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, {
      headers: { authorization: 'Bearer abc' },
    }).catch((error: unknown) => error);
    // Wait until the delayed request has reached the mock (it is in the journal only once answered).
    await new Promise<void>((resolve) => running.mock.server.once('request', () => resolve()));
    const closedUnused = once(unused, 'close');
    await running.close();
    await closedUnused;
    expect(await late).toBeInstanceOf(TypeError);
  });
});
