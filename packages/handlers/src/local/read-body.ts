import type { IncomingMessage } from 'node:http';

/**
 * A request's whole body, or `'too-large'` past `limit` bytes. The rest of a body too large is
 * read and dropped (not left unread, which would reset the connection), so the caller can still
 * answer on it.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
