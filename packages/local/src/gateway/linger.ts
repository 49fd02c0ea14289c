import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How long a connection whose body was refused stays open after its answer: nginx's default
 * `lingering_timeout`. A client closes it first once it has read the answer; this bounds one that
 * does not. At 2 s, 2 of 100 concurrent uploads on a loaded 2-core machine were cut before their
 * client got to the 413.
 */
const LINGER_MS = 5_000;

/**
 * Answers on a connection whose body was refused unread with `Connection: close`, and closes it
 * a moment after the answer is out, in the way of nginx's lingering close but reading nothing.
 * Cutting it at once would reset it with the client's data unread, and a reset may make the
 * client drop the answer it was sent; reading the rest of the body would let a flood of uploads
 * cost time and memory. So the body stays unread (TCP stops the sender once the buffers are
 * full), our side is half-closed after the answer (the client reads it, then the end), and the
 * connection is cut once the client has had time to read.
 */
export function closeAfterAnswer(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  response.setHeader('Connection', 'close');
  response.once('finish', () => {
    // For `Connection: close` Node half-closes and then destroys the socket as soon as the
    // answer is flushed (socket.destroySoon); the destroy is put off, the half-close kept.
    socket.removeListener('finish', socket.destroy);
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
