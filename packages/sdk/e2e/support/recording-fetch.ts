/** One request as it left the SDK, and the status it was answered with. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** The headers as sent, credentials included. */
  headers: Headers;
  /** The answer's status and headers, once it has arrived; absent when the request failed. */
  response?: { status: number; headers: Headers };
}

/** A `fetch` for the SDK's `fetch` option that records what the SDK sends. */
export interface RecordingFetch {
  fetch: typeof fetch;
  /** Every request sent, in order, retries included. */
  readonly requests: RecordedRequest[];
}

/**
 * Wraps `globalThis.fetch` so a test can count the requests the SDK makes and read their headers,
 * while they still reach the real server.
 */
export function recordingFetch(): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    // ky hands fetch a Request; reading its headers leaves its body untouched.
    const sent = input instanceof Request ? input : undefined;
    const entry: RecordedRequest = {
      method: init?.method ?? sent?.method ?? 'GET',
      url: new URL(sent?.url ?? String(input)),
      headers: new Headers(init?.headers ?? sent?.headers),
    };
    requests.push(entry);
    const response = await globalThis.fetch(input, init);
    entry.response = { status: response.status, headers: response.headers };
    return response;
  };
  return { fetch: recording, requests };
}
