/**
 * The console's live updates: `GET /_sandbox/events`, a server-sent event stream. An event is sent after the
 * commit of a change (a request's transaction, a control route's) or of a delivery attempt; it carries no
 * data (`event: change`, `data: {}`) — the page then reads its own tenant's records with its credential, so a
 * stream tells nobody anything about another tenant. Bounded: at most `maxStreams` open streams (more get a
 * 503), changes coalesced to one event per `coalesceMs`, a comment line every `heartbeatMs` (so proxies and
 * the browser keep the stream open and a dead one is noticed), each stream removed when it closes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventHubOptions {
  readonly maxStreams?: number;
  readonly heartbeatMs?: number;
  readonly coalesceMs?: number;
}

export const EVENT_HUB_DEFAULTS = { maxStreams: 32, heartbeatMs: 15_000, coalesceMs: 50 } as const;

export interface EventHub {
  /** Something was committed: every stream gets one `change` event soon. */
  changed(): void;
  /** Answers `GET /_sandbox/events`. */
  serve(req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[]): void;
  readonly open: number;
  /** Ends every stream (the server is closing: an open stream would keep it waiting). */
  closeAll(): void;
  /**
   * Calls `listener` at each `changed()` (at once, not coalesced, streams or none) and each stream opened or
   * closed; returns its removal. For code in the same process that waits on the sandbox (tests) instead of
   * polling it.
   */
  subscribe(listener: () => void): () => void;
}

export function createEventHub(options: EventHubOptions = {}): EventHub {
  const maxStreams = options.maxStreams ?? EVENT_HUB_DEFAULTS.maxStreams;
  const heartbeatMs = options.heartbeatMs ?? EVENT_HUB_DEFAULTS.heartbeatMs;
  const coalesceMs = options.coalesceMs ?? EVENT_HUB_DEFAULTS.coalesceMs;
  const streams = new Set<ServerResponse>();
  const subscribers = new Set<() => void>();
  const tell = (): void => {
    for (const listener of [...subscribers]) listener();
  };
  let pending: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  const broadcast = (text: string): void => {
    for (const res of streams) res.write(text);
  };
  const drop = (res: ServerResponse): void => {
    if (!streams.delete(res)) return;
    if (streams.size === 0) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
    tell();
  };

  return {
    changed() {
      tell();
      if (pending || streams.size === 0) return;
      pending = setTimeout(() => {
        pending = undefined;
        broadcast('event: change\ndata: {}\n\n');
      }, coalesceMs);
      pending.unref();
    },
    serve(req, res, extraHeaders) {
      if (closed || streams.size >= maxStreams) {
        res.writeHead(503, ['Content-Type', 'application/problem+json', 'Retry-After', '5', ...extraHeaders]);
        res.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Too Many Event Streams',
            status: 503,
            detail: `The sandbox keeps at most ${maxStreams} event streams open; close one (another tab of the console) and retry.`,
          }),
        );
        return;
      }
      res.writeHead(200, [
        'Content-Type',
        'text/event-stream; charset=utf-8',
        'Cache-Control',
        'no-store',
        'X-Accel-Buffering',
        'no',
        ...extraHeaders,
      ]);
      // The browser reconnects after 2 s when the stream drops (the server restarted).
      res.write('retry: 2000\nevent: ready\ndata: {}\n\n');
      streams.add(res);
      heartbeat ??= setInterval(() => broadcast(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      req.socket.setTimeout(0);
      res.on('close', () => drop(res));
      tell();
    },
    get open() {
      return streams.size;
    },
    closeAll() {
      closed = true;
      clearTimeout(pending);
      for (const res of [...streams]) {
        res.end();
        drop(res);
      }
    },
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
}
