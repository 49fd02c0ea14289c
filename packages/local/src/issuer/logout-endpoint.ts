import type { ServerResponse } from 'node:http';
import { allowedRedirect, findClient } from './clients.js';
import { redirect, sendHtml } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';
import { errorPage } from './sign-in-page.js';

/** Where a logout request may send the browser, or why it may not. */
function logoutTarget(authority: LocalAuthority, url: URL): URL | string {
  const clientId = url.searchParams.get('client_id');
  const client = findClient(clientId);
  if (!client) return `unknown client_id ${JSON.stringify(clientId ?? '')}`;
  const raw = url.searchParams.get('logout_uri');
  const target = allowedRedirect(client, raw, authority.port);
  return target ?? `logout_uri ${JSON.stringify(raw ?? '')} is not allowed for ${client.clientId}`;
}

/**
 * `GET /logout?client_id&logout_uri`: sends the browser back to the app. The local sign-in keeps
 * no session, so there is nothing else to end; the app forgets its tokens itself.
 */
export function logoutEndpoint(authority: LocalAuthority, url: URL, response: ServerResponse): void {
  const target = logoutTarget(authority, url);
  if (typeof target === 'string') sendHtml(response, 400, errorPage(target));
  else redirect(response, target);
}
