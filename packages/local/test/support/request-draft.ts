import type { RawRequest } from './raw-http-client.js';

/** A body: a value sent as JSON, bytes sent as they are, or none. */
export type DraftBody = { json: unknown } | { bytes: Uint8Array } | null;

/**
 * A request before it is written on the wire, in a shape that is easy to build, change and read
 * in a counterexample.
 */
export interface RequestDraft {
  method: string;
  /** The path as it goes on the request line, percent-encoded. */
  path: string;
  /** Query parameters in order, not encoded; a name may repeat. */
  query: [name: string, value: string][];
  /** Header values by lower-case name; an array sends the header once per value. */
  headers: Record<string, string | string[]>;
  body: DraftBody;
  /** Pad the body with spaces up to this many bytes. */
  padTo?: number;
}

/** The body's bytes as they will be sent, before padding. */
export function bodyBytes(body: DraftBody): Buffer {
  if (body === null) return Buffer.alloc(0);
  return 'json' in body ? Buffer.from(JSON.stringify(body.json), 'utf8') : Buffer.from(body.bytes);
}

function queryString(query: RequestDraft['query']): string {
  if (query.length === 0) return '';
  const pairs = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return `?${pairs.join('&')}`;
}

/** The request to send for a draft. */
export function toRawRequest(draft: RequestDraft): RawRequest {
  let body = bodyBytes(draft.body);
  if (draft.padTo !== undefined && body.length < draft.padTo) {
    body = Buffer.concat([body, Buffer.alloc(draft.padTo - body.length, ' ')]);
  }
  return {
    method: draft.method,
    target: `${draft.path}${queryString(draft.query)}`,
    headers: draft.headers,
    ...(body.length > 0 || draft.body !== null ? { body } : {}),
  };
}

/** One line naming the request, for assertion messages. */
export function describeRequest(request: RawRequest): string {
  const headers = Object.entries(request.headers ?? {})
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(', ');
  const body = request.body ? Buffer.from(request.body) : undefined;
  const shown = body ? JSON.stringify(body.subarray(0, 120).toString('latin1')) : '(no body)';
  return `${request.method} ${request.target.slice(0, 300)} [${headers}] ${shown}${body ? ` (${body.length} bytes)` : ''}`;
}
