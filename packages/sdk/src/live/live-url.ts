import { LIVE_PATH, LIVE_TOKEN_PARAMETER } from '../contract/live.js';

/**
 * Where the live WebSocket is: the `liveUrl` option (a ws: or wss: URL: on AWS, the WebSocket
 * API's), else the API's own origin and path with ws: for http: and wss: for https:, and
 * LIVE_PATH (as the local gateway serves it). A `liveUrl` that is no such URL is a TypeError.
 */
export function liveUrlOf(liveUrl: string | URL | undefined, baseUrl: string): URL {
  if (liveUrl === undefined) {
    const derived = new URL(`${baseUrl.replace(/\/+$/, '')}${LIVE_PATH}`);
    derived.protocol = derived.protocol === 'https:' ? 'wss:' : 'ws:';
    return derived;
  }
  let url: URL | undefined;
  try {
    url = new URL(String(liveUrl));
  } catch {}
  if (url?.protocol !== 'ws:' && url?.protocol !== 'wss:') {
    throw new TypeError(
      `liveUrl must be an absolute ws: or wss: URL, such as the stack's LiveUrl output (got "${String(liveUrl)}")`,
    );
  }
  return url;
}

/** The URL to connect to: the live URL with the access token in its query (a browser's WebSocket sends no headers). */
export function withToken(url: URL, token: string): string {
  const connect = new URL(url);
  connect.searchParams.set(LIVE_TOKEN_PARAMETER, token);
  return connect.href;
}
