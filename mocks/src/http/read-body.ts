/**
 * Reads a request body up to a byte limit. A declared `content-length` over the limit is refused before a
 * byte is kept; a chunked body is counted as it arrives and refused when it passes the limit. Requests
 * that announce no body are answered without waiting for one.
 *
 * A refused body is still read to its end and dropped, so that the client, still uploading, can read the 413
 * (closing at once makes `fetch` fail with EPIPE instead) — but only for a while: past `DRAIN_BYTES` more
 * bytes or `DRAIN_MS`, the connection is closed.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'none' } | { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  if (!announcesBody(req)) return Promise.resolve({ kind: 'none' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(req);
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the caller answers 413 while the rest is dropped.
        finish({ kind: 'too-large' });
        discardRest(req);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () =>
      finish(
        size === 0 ? { kind: 'none' } : { kind: 'ok', bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) },
      ),
    );
    req.once('error', () => finish({ kind: 'aborted' }));
    req.once('close', () => finish({ kind: 'aborted' }));
  });
}

/** At most this many bytes of a refused body are read and dropped before the connection is closed. */
export const DRAIN_BYTES = 32 * 1024 * 1024;
/** At most this long is a refused body read and dropped before the connection is closed. */
export const DRAIN_MS = 10_000;

/** Reads and drops the rest of `req`'s body, within {@link DRAIN_BYTES} and {@link DRAIN_MS}. */
export function discardRest(req: IncomingMessage): void {
  let dropped = 0;
  const close = (): void => {
    req.off('data', onData);
    req.socket.destroy();
  };
  const timer = setTimeout(close, DRAIN_MS);
  timer.unref();
  const onData = (chunk: Buffer): void => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) {
      clearTimeout(timer);
      close();
    }
  };
  req.on('data', onData);
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
