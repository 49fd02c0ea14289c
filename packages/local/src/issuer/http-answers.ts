import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../read-body.js';

/** A sign-in form or a token request is a few hundred bytes; anything far larger is refused. */
const MAX_FORM_BYTES = 16 * 1024;

/** Headers on every page of the sign-in flow: never cached, never framed, never sniffed. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer a browser posts the sign-in form with
  // `Origin: null`, which the login CSRF check must refuse. Nothing leaks to the redirect's origin.
  'Referrer-Policy': 'same-origin',
};

/**
 * The page's Content-Security-Policy. Browsers apply `form-action` to the redirect that follows
 * a form's submission too, so the sign-in form must also allow the client's redirect origin.
 */
function pageCsp(formTarget?: string): string {
  const formAction = ["'self'", ...(formTarget ? [formTarget] : [])].join(' ');
  return `default-src 'none'; style-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`;
}

/** Answers an HTML page. */
export function sendHtml(response: ServerResponse, status: number, html: string, formTarget?: string): void {
  response.writeHead(status, {
    ...PAGE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(formTarget),
  });
  response.end(html);
}

/** Answers JSON, never cached (token answers must not be, RFC 6749 §5.1). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Content-Type': 'application/json',
  });
  response.end(JSON.stringify(body));
}

/** Answers a stylesheet or other static text. */
export function sendText(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

/** Sends the browser on with a 302. */
export function redirect(response: ServerResponse, location: URL): void {
  response.writeHead(302, { Location: location.href, 'Cache-Control': 'no-store' });
  response.end();
}

/** Reads an `application/x-www-form-urlencoded` body; `undefined` when it is not one or too large. */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  // Drained: a sign-in form is small, and the browser must see the answer, never a reset.
  const body = await readBody(request, MAX_FORM_BYTES, 'drain');
  if (
    body === 'too-large' ||
    !/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')
  )
    return undefined;
  return new URLSearchParams(body.toString('utf8'));
}
