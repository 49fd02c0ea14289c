import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from '@todolist/handlers';
import { WebSocketServer } from 'ws';
import { GOING_AWAY, type LiveConnections } from './live-connections.js';
import { checkHandshake, type HandshakeRules } from './live-handshake.js';
import { refuseUpgrade } from './refuse-upgrade.js';

/** The gateway's WebSocket endpoint, `LIVE_PATH`, served on the gateway's own port. */
export interface LiveEndpoint {
  /** Handles an HTTP server's `upgrade` event: the handshake checked, then the connection kept. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Refuses new connections and closes the open ones with 1001, so clients reconnect. */
  close(): Promise<void>;
}

// Clients only ever send a ping (LIVE_PING); anything much larger is not one of ours.
const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;

const ignore = () => {};

/**
 * The live endpoint of a gateway: checks each handshake (`checkHandshake`), then keeps the
 * connection in `connections`, which the feed pokes. What clients send is ignored.
 */
export function createLiveEndpoint(rules: HandshakeRules, connections: LiveConnections): LiveEndpoint {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  let closing = false;
  const goingAway = () =>
    problem(
      'service_unavailable',
      'the gateway is shutting down: connect again in a moment',
      crypto.randomUUID(),
    );
  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // A client that goes away during the handshake must not take the gateway down with it.
    socket.on('error', ignore);
    const outcome = closing ? { refusal: goingAway() } : await checkHandshake(request, rules);
    if ('refusal' in outcome) return refuseUpgrade(socket, outcome.refusal);
    if (closing) return refuseUpgrade(socket, goingAway());
    server.handleUpgrade(request, socket, head, (connection) => {
      // A protocol error (a message over the limit) closes the connection; it is the client's.
      connection.on('error', ignore);
      if (closing) return connection.close(GOING_AWAY, 'the gateway is shutting down');
      connections.add(outcome.person, connection);
    });
  }
  return {
    upgrade: (request, socket, head) => {
      upgrade(request, socket, head).catch((error: unknown) => {
        console.error('local gateway: a live handshake failed', error);
        socket.destroy();
      });
    },
    async close() {
      closing = true;
      await connections.closeAll('the gateway is shutting down');
      server.close();
    },
  };
}
