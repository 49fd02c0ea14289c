import { createServer, type Server, type ServerResponse } from 'node:http';
import { CLI_CALLBACK_PORTS, cliCallbackUrl } from '@todolist/sdk/contract';
import { SignInError, TodoCliError } from '../errors.js';

/** What the browser brought back: the code, and a way to answer it once the code is redeemed. */
export interface Callback {
  code: string;
  /** Shows the browser a small page, then lets the connection go. */
  answer(status: number, title: string, text: string): Promise<void>;
}

/** A server on 127.0.0.1 waiting for the authorization server to send the browser back. */
export interface LoopbackServer {
  redirectUri: string;
  /** Resolves with the first callback carrying `state`; a callback with another state is refused. */
  callback(state: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<Callback>;
  close(): void;
}

function page(title: string, text: string): string {
  const escapeHtml = (value: string) =>
    value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
}

function send(response: ServerResponse, status: number, title: string, text: string): Promise<void> {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  });
  return new Promise((resolve) => response.end(page(title, text), resolve));
}

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError).once('listening', onListening).listen(port, '127.0.0.1');
  });
}

/** Listens on the first free port of {@link CLI_CALLBACK_PORTS}. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const server = createServer();
  let port: number | undefined;
  for (const candidate of CLI_CALLBACK_PORTS) {
    if (await listen(server, candidate)) {
      port = candidate;
      break;
    }
  }
  if (port === undefined) {
    throw new TodoCliError(
      `ports ${CLI_CALLBACK_PORTS.join(', ')} on 127.0.0.1 are all in use (another "todo login" running?): free one and try again`,
    );
  }
  const redirectUri = cliCallbackUrl(port);
  return {
    redirectUri,
    close: () => {
      server.removeAllListeners('request');
      server.close();
      server.closeAllConnections();
    },
    callback: (state, { signal, timeoutMs }) =>
      new Promise<Callback>((resolve, reject) => {
        const seconds = Math.round(timeoutMs / 1000);
        const waited = seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
        const timer = setTimeout(
          () => settle(new SignInError(`no sign-in came back within ${waited}: run todo login again`)),
          timeoutMs,
        );
        const onAbort = () => settle(new DOMException('interrupted', 'AbortError'));
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = (result: Callback | Error) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          server.off('request', onRequest);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        const onRequest = (request: { url?: string }, response: ServerResponse) => {
          const url = new URL(request.url ?? '/', redirectUri);
          if (url.pathname !== '/callback') return void send(response, 404, 'Not found', 'Nothing here.');
          const query = url.searchParams;
          // Another page (or a stale tab) cannot finish this sign-in: only ours knows the state.
          if (query.get('state') !== state) {
            return void send(
              response,
              400,
              'Sign-in refused',
              'This link is not from the sign-in you started.',
            );
          }
          const error = query.get('error');
          if (error) {
            const reason = query.get('error_description') ?? error;
            void send(response, 400, 'Sign-in failed', `${reason}. Run todo login again.`);
            return settle(new SignInError(`the sign-in server refused the sign-in: ${reason}`));
          }
          const code = query.get('code');
          if (!code) return void send(response, 400, 'Sign-in failed', 'The callback carried no code.');
          const answer: Callback['answer'] = (status, title, text) => send(response, status, title, text);
          settle({ code, answer });
        };
        server.on('request', onRequest);
        if (signal.aborted) onAbort();
      }),
  };
}
