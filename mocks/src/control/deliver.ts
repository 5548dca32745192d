/**
 * Writes an answer the way a fault says: late (`delayMs`), not at all (`reset`: the connection is reset),
 * or cut (`truncate`: the headers without `Content-Length`, half the body, then the connection closes, so
 * the body ends cleanly but early and does not parse). Pending delays are cancelled when the server closes.
 */
import type { ServerResponse } from 'node:http';
import type { FaultEffect } from './fault-spec.js';

export type Outcome = number | 'reset';

/** Writes `status`, `headers` and `body` to `res` as `effect` says, then tells `done` what the client got. */
type WriteAnswer = (
  res: ServerResponse,
  status: number,
  headers: readonly string[],
  body: Buffer,
  effect: FaultEffect,
  done: (outcome: Outcome) => void,
) => void;

export interface Delivery {
  write: WriteAnswer;
  /** Cancels the answers still waiting out a delay and drops their connections. */
  cancelAll(): void;
}

function withoutLength(headers: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i] as string;
    if (name.toLowerCase() !== 'content-length') out.push(name, headers[i + 1] as string);
  }
  out.push('connection', 'close');
  return out;
}

export function createDelivery(): Delivery {
  const waiting = new Map<NodeJS.Timeout, ServerResponse>();

  const now: WriteAnswer = (res, status, headers, body, effect, done) => {
    if (effect.reset) {
      const socket = res.socket;
      // A TCP reset where the platform has it (Node ≥ 18.3), a plain close otherwise.
      if (socket) typeof socket.resetAndDestroy === 'function' ? socket.resetAndDestroy() : socket.destroy();
      done('reset');
      return;
    }
    if (effect.truncate) {
      res.writeHead(status, withoutLength(headers));
      res.end(body.subarray(0, Math.floor(body.length / 2)));
      done(status);
      return;
    }
    res.writeHead(status, headers as string[]);
    res.end(body);
    done(status);
  };

  return {
    write(res, status, headers, body, effect, done) {
      if (!effect.delayMs) return now(res, status, headers, body, effect, done);
      const timer = setTimeout(() => {
        waiting.delete(timer);
        if (!res.headersSent && !res.destroyed) now(res, status, headers, body, effect, done);
        else done(effect.reset ? 'reset' : status);
      }, effect.delayMs);
      waiting.set(timer, res);
    },
    cancelAll() {
      for (const [timer, res] of waiting) {
        clearTimeout(timer);
        res.destroy();
      }
      waiting.clear();
    },
  };
}
