import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AuthorizationRequest,
  parseAuthorizationRequest,
  pendingFields,
} from './authorization-request.js';
import { readForm, redirect, sendHtml } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';
import { errorPage, signInPage } from './sign-in-page.js';
import { normalizeEmail, subjectFor } from './subject.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const OPENED_DIRECTLY =
  "This sign-in page opens from an app (the page's Sign in, or the todo command): it needs client_id, redirect_uri and a PKCE code_challenge.";

/**
 * Browsers send `Origin` with a form post: another site's page must not sign someone in behind
 * their back (login CSRF). Scripts outside a browser send none and are let through. A browser
 * that hides the origin (`null`) still says, with Fetch Metadata, whether the post came from
 * this gateway's own page.
 */
function postedFromGateway(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === 'null') return request.headers['sec-fetch-site'] === 'same-origin';
  return (
    origin === undefined || origin === `http://localhost:${port}` || origin === `http://127.0.0.1:${port}`
  );
}

function showSignIn(
  response: ServerResponse,
  request: AuthorizationRequest,
  status: number,
  extra: { email?: string; error?: string } = {},
): void {
  const html = signInPage({
    pending: pendingFields(request),
    clientDescription: request.client.description,
    ...extra,
  });
  sendHtml(response, status, html, new URL(request.redirectUri).origin);
}

/** `GET /oauth2/authorize`: validates the request and shows the sign-in page. */
export function authorizeEndpoint(authority: LocalAuthority, url: URL, response: ServerResponse): void {
  const parsed =
    url.search === ''
      ? { ok: false as const, message: OPENED_DIRECTLY }
      : parseAuthorizationRequest(url.searchParams, authority.port);
  if (parsed.ok) showSignIn(response, parsed.request, 200);
  else sendHtml(response, 400, errorPage(parsed.message));
}

/**
 * `POST /login`: the e-mail address and the pending request, validated again (the form's fields
 * came back from the browser), become a one-time authorization code sent to the redirect URI.
 */
export async function loginEndpoint(
  authority: LocalAuthority,
  incoming: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = await readForm(incoming);
  if (!form) return sendHtml(response, 400, errorPage('the sign-in form could not be read'));
  if (!postedFromGateway(incoming, authority.port))
    return sendHtml(response, 400, errorPage("the sign-in form must be posted from this gateway's own page"));
  const parsed = parseAuthorizationRequest(form, authority.port);
  if (!parsed.ok) return sendHtml(response, 400, errorPage(parsed.message));
  const request = parsed.request;
  const email = normalizeEmail(form.get('email') ?? '');
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) {
    return showSignIn(response, request, 400, {
      email,
      error: 'Enter an e-mail address, such as ada@example.com.',
    });
  }
  const code = authority.codes.issue({
    sub: subjectFor(email, authority.key.kid),
    email,
    clientId: request.client.clientId,
    scope: request.scope,
    authTime: Math.floor(Date.now() / 1000),
    originJti: randomUUID(),
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
  });
  const location = new URL(request.redirectUri);
  location.searchParams.set('code', code);
  if (request.state !== null) location.searchParams.set('state', request.state);
  redirect(response, location);
}
