import { randomBytes } from 'node:crypto';
import { APP_CLIENT_IDS, OAUTH_PATHS } from '@todolist/sdk/contract';
import { decodeJwt } from 'jose';
import { s256 } from './pkce.js';

/** Options of {@link signInLocally}. */
export interface SignInLocallyOptions {
  /** The app client to sign in to. @default APP_CLIENT_IDS.web ('todolist-web') */
  clientId?: string;
  /** The scope to ask for. @default every scope the client may have */
  scope?: string;
}

/** The tokens of a local sign-in, and the user's subject. */
export interface LocalSignIn {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** The user's `sub`: their owner id in the API. */
  sub: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The hidden fields of the sign-in page's form: the pending authorization request. */
function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const [input] of html.matchAll(/<input type="hidden"[^>]*>/g)) {
    const attribute = (name: string) =>
      (new RegExp(`${name}="([^"]*)"`).exec(input)?.[1] ?? '').replace(
        /&(amp|lt|gt|quot|#39);/g,
        (e) => ENTITIES[e] ?? e,
      );
    fields.set(attribute('name'), attribute('value'));
  }
  return fields;
}

async function expectStatus(response: Response, status: number, step: string): Promise<void> {
  if (response.status !== status)
    throw new Error(
      `local sign-in: ${step} answered ${response.status}, not ${status}: ${await response.text()}`,
    );
}

/**
 * Signs in to a local gateway as a browser does, through its public endpoints only: the
 * authorize page, the password-free sign-in form, and the token endpoint with the PKCE verifier.
 *
 * @example
 * ```ts
 * const { accessToken } = await signInLocally(stack.url, 'ada@example.com');
 * await fetch(`${stack.url}/v1/todos`, { headers: { authorization: `Bearer ${accessToken}` } });
 * ```
 */
export async function signInLocally(
  baseUrl: string,
  email: string,
  options: SignInLocallyOptions = {},
): Promise<LocalSignIn> {
  const clientId = options.clientId ?? APP_CLIENT_IDS.web;
  const redirectUri = clientId === APP_CLIENT_IDS.cli ? 'http://127.0.0.1:9/callback' : `${baseUrl}/`;
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(OAUTH_PATHS.authorize, baseUrl);
  const state = randomBytes(8).toString('hex');
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
    state,
    ...(options.scope ? { scope: options.scope } : {}),
  }).toString();
  const page = await fetch(authorize);
  await expectStatus(page, 200, 'the authorize page');
  const form = hiddenFields(await page.text());
  form.set('email', email);
  const login = await fetch(new URL('/login', baseUrl), { method: 'POST', body: form, redirect: 'manual' });
  await expectStatus(login, 302, 'the sign-in form');
  const callback = new URL(login.headers.get('location') ?? '');
  if (callback.searchParams.get('state') !== state)
    throw new Error('local sign-in: the state came back changed');
  const token = await fetch(new URL(OAUTH_PATHS.token, baseUrl), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  await expectStatus(token, 200, 'the token endpoint');
  const tokens = (await token.json()) as { access_token: string; id_token: string; refresh_token: string };
  const sub = String(decodeJwt(tokens.access_token).sub);
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    refreshToken: tokens.refresh_token,
    sub,
  };
}
