/**
 * The connections a client opened and never sent a byte on. Clients open some ahead of need (undici does
 * after an aborted request, as a caller's timeout causes), and `server.closeIdleConnections()` leaves them
 * open in Node 20, so `close()` would wait for the client to give up. Counted per connection, never per
 * request, so the fast path pays nothing.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface UnusedConnections {
  /** Destroys every open connection that has not received a byte. */
  drop(): void;
}

export function trackUnusedConnections(server: Server): UnusedConnections {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    drop() {
      for (const socket of open) if (socket.bytesRead === 0) socket.destroy();
    },
  };
}
