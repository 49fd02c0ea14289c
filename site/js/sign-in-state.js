// @ts-check
// What the first screen needs to know about signing in, without the OAuth client itself
// (auth.js), which a signed-in visit loads only to refresh its token or to sign out.

/** Signing in or refreshing failed; the message says why, for the person. */
export class SignInError extends Error {
  /** @override */
  name = 'SignInError';
}

/** Whether the address is the sign-in coming back: `?code=…` or `?error=…`. */
export function isSignInReturn() {
  const params = new URLSearchParams(window.location.search);
  return params.has('code') || params.has('error');
}
