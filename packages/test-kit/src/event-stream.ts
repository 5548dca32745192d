/**
 * A server-sent event stream read by a test: `openEventStream(url)` resolves with the answer's status and
 * headers, keeps every chunk of text as it comes, and `waitFor(condition)` resolves at the chunk that makes
 * it true (no polling). `onData` lets other waits re-check their own condition at each chunk (a process whose
 * stream tells of its commits).
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { createSignal, type WaitOptions } from './wait.js';

export interface EventStream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly response: IncomingMessage;
  /** Everything received so far. */
  text(): string;
  /** Resolves once `condition(text)` holds (checked now and at each chunk); rejects after `timeoutMs`, showing the text's end. */
  waitFor(condition: (text: string) => boolean, options?: WaitOptions): Promise<void>;
  /** Calls `listener` at each chunk; returns its removal. */
  onData(listener: () => void): () => void;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** The stream's last 200 characters, escaped, for a failure message. */
const tail = (text: string): string => JSON.stringify(text.length > 200 ? `…${text.slice(-200)}` : text);

export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let text = '';
      const chunks = createSignal();
      const listeners = new Set<() => void>();
      const ended = new Promise<void>((done) => response.on('end', () => done()));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        chunks.notify();
        for (const listener of [...listeners]) listener();
      });
      // A stream the test closes ends with an error here: it was meant.
      response.on('error', () => {});
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        response,
        text: () => text,
        waitFor: (condition, options = {}) =>
          chunks.until(() => condition(text), { what: 'the stream to say it', seen: () => tail(text), ...options }),
        onData(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
