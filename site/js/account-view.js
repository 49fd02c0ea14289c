// @ts-check
// Who is signed in, or the welcome and its Sign in button. The body's data-session says which,
// and the stylesheet hides what does not belong: the list's parts while signed out.
import { one } from './dom.js';

export class AccountView {
  #welcome;
  #account;
  #email;
  #signIn;
  #signOut;

  /** @param {ParentNode} root */
  constructor(root) {
    this.#welcome = one(root, '.welcome', HTMLElement);
    this.#account = one(root, '.account', HTMLElement);
    this.#email = one(this.#account, '.account-email', HTMLElement);
    this.#signIn = one(this.#welcome, '.sign-in', HTMLButtonElement);
    this.#signOut = one(this.#account, '.sign-out', HTMLButtonElement);
  }

  showSignedOut() {
    document.body.dataset.session = 'signed-out';
    this.#account.hidden = true;
    this.#welcome.hidden = false;
    this.#signIn.disabled = false;
    // The new todo field, focused on load, is gone: the one thing to do now is to sign in.
    if (document.activeElement === document.body || document.activeElement?.matches('.new-todo'))
      this.#signIn.focus();
  }

  /** @param {string} email */
  showSignedIn(email) {
    document.body.dataset.session = 'signed-in';
    this.#welcome.hidden = true;
    this.#email.textContent = email;
    this.#account.hidden = false;
  }

  /**
   * Runs `start` on a click of Sign in; the button stays disabled while it runs (it leaves the
   * page when it succeeds).
   * @param {() => Promise<void>} start
   */
  onSignIn(start) {
    this.#signIn.addEventListener('click', () => {
      this.#signIn.disabled = true;
      start().finally(() => {
        this.#signIn.disabled = false;
      });
    });
  }

  /** @param {() => void} run */
  onSignOut(run) {
    this.#signOut.addEventListener('click', run);
  }
}
