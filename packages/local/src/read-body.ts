import type { IncomingMessage } from 'node:http';

/** What to do with the rest of a body past the limit. */
export type Overflow =
  /** Read it and drop it, so the connection stays open for the answer and the next request. */
  | 'drain'
  /** Read no more for now: the caller answers, then closes the connection (see linger.ts). */
  | 'stop';

/**
 * A request's whole body, or `'too-large'` as soon as it is known to pass `limit` bytes (from
 * its Content-Length, or once that many arrived): at most `limit` bytes are ever held.
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  overflow: Overflow,
): Promise<Buffer | 'too-large'> {
  const tooLarge = (): 'too-large' => {
    if (overflow === 'drain') request.resume();
    else request.pause();
    return 'too-large';
  };
  if (Number(request.headers['content-length']) > limit) return Promise.resolve(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        resolve(tooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
