/** Where the sign-in page's stylesheet is served: a file, since the pages allow no inline styles. */
export const SIGN_IN_CSS_PATH = '/oauth2/sign-in.css';

/** The sign-in page's stylesheet. */
export const SIGN_IN_CSS = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
label, input, button { display: block; width: 100%; box-sizing: border-box; }
input, button { font: inherit; padding: 0.5rem; margin: 0.25rem 0 1rem; }
.note { color: #555; font-size: 0.9rem; }
.error { color: #a00; }
`;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${SIGN_IN_CSS_PATH}"></head>
<body>${body}</body></html>
`;
}

/** What the sign-in form carries through to `POST /login`. */
export interface SignInForm {
  /** The pending authorization request's parameters, sent back as hidden fields. */
  pending: Record<string, string>;
  clientDescription: string;
  email?: string;
  error?: string;
}

/** The local development sign-in: an e-mail address, no password. */
export function signInPage(form: SignInForm): string {
  const hidden = Object.entries(form.pending)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const error = form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : '';
  return page(
    'Sign in to todolist',
    `<h1>Sign in to todolist</h1>
<p>to continue to ${escapeHtml(form.clientDescription)}.</p>
${error}<form method="post" action="/login">
${hidden}
<label for="email">E-mail</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(form.email ?? '')}">
<button type="submit">Sign in</button>
</form>
<p class="note">This is the local development sign-in of <code>npm start</code>: no password, anyone who
can reach this machine's port may sign in as any address. On AWS the Cognito user pool signs you in.</p>`,
  );
}

/** A sign-in request that cannot go on: shown, never redirected, since the redirect URI may be unsafe. */
export function errorPage(message: string): string {
  return page(
    'Sign-in error',
    `<h1>Sign-in error</h1>\n<p class="error">${escapeHtml(message)}</p>\n<p>Go back to the app and sign in again.</p>`,
  );
}
