// Signing in through the local gateway's user pool, as a person does: the welcome and its button,
// the PKCE flow, whose todos the page shows, the session across a reload, silent refresh, sign-out.
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.js';
import { openSignedIn } from './support/sign-in.js';
import { uniqueEmail } from './support/site.js';
import { eventually, textOf, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

const SESSION_KEY = 'todolist.session';

describe('signed out', () => {
  it('shows the welcome and a Sign in button, and loads no todos', async () => {
    await site().seed([{ title: 'not for strangers' }]);
    const { page, requests, errors } = await openPage(browser(), site().url);
    await page.locator('.sign-in').waitFor();
    // The button shows before config.json is read: wait for the page to be done before checking what it asked for.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('todos');
    expect(await page.locator('.new-todo').isVisible()).toBe(false);
    expect(await page.locator('.main').isVisible()).toBe(false);
    expect(await page.locator('.account').isVisible()).toBe(false);
    expect(requests.filter((url) => url.includes('/v1/'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says so when the sign-in comes back with a state it did not start, and offers Sign in again', async () => {
    const { page } = await openPage(browser(), `${site().url}/?code=forged&state=forged`);
    await page.locator('.notice.shown').waitFor();
    expect(await page.locator('.notice-text').textContent()).toContain("Couldn't sign in");
    expect(await page.locator('.sign-in').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('signing in', () => {
  it('lands on the list, showing who is signed in, with the code gone from the address bar', async () => {
    const email = uniqueEmail('ada');
    await site().apiFor(email).todos.create({ title: 'Ada’s todo' });
    const { page, errors } = await openSignedIn(browser(), site(), '/#/active', { email });
    const app = todoPage(page);
    await app.loaded();
    await eventually(app.titles, ['Ada’s todo']);
    expect(await page.locator('.account-email').textContent()).toBe(email);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/active');
    expect(errors).toEqual([]);
  });

  it('shows each person only their own todos, in two browsers at once', async () => {
    const [alice, bob] = [uniqueEmail('alice'), uniqueEmail('bob')];
    await site().apiFor(alice).todos.create({ title: 'Alice’s' });
    await site().apiFor(bob).todos.create({ title: 'Bob’s' });
    const [a, b] = await Promise.all([
      openSignedIn(browser(), site(), '/', { email: alice }),
      openSignedIn(browser(), site(), '/', { email: bob }),
    ]);
    await todoPage(a.page).add('Alice’s second');
    await todoPage(a.page).settled();
    await b.page.reload();
    await todoPage(b.page).loaded();
    await eventually(todoPage(a.page).titles, ['Alice’s', 'Alice’s second']);
    await eventually(todoPage(b.page).titles, ['Bob’s']);
  });

  it('keeps the session across a reload, in sessionStorage only; another browser signs in again', async () => {
    const { page } = await openSignedIn(browser(), site());
    const app = todoPage(page);
    await app.loaded();
    await app.add('kept');
    await app.settled();
    await page.reload();
    await app.loaded();
    await eventually(app.titles, ['kept']);
    expect(await page.locator('.account-email').textContent()).toBe(site().email);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toContain('accessToken');

    const other = await openPage(browser(), site().url);
    await other.page.locator('.sign-in').waitFor();
    await other.page.waitForLoadState('networkidle');
    expect(await other.page.locator('.todo-list li').count()).toBe(0);
  });

  it('signs out: revokes the sign-in, forgets the tokens and comes back to the welcome', async () => {
    const { page } = await openSignedIn(browser(), site());
    await todoPage(page).loaded();
    const held = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), SESSION_KEY);
    expect(held).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    const before = await fetch(`${site().url}/v1/todos`, {
      headers: { authorization: `Bearer ${held.accessToken}` },
    });
    expect(before.status).toBe(200);
    await page.locator('.sign-out').click();
    await page.locator('.sign-in').waitFor();
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect(page.url()).toBe(`${site().url}/`);
    // A copy of the tokens taken before is worthless: the refresh token and the access token.
    const refreshed = await fetch(`${site().url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'todolist-web',
        refresh_token: held.refreshToken,
      }),
    });
    expect(refreshed.status).toBe(400);
    const listed = await fetch(`${site().url}/v1/todos`, {
      headers: { authorization: `Bearer ${held.accessToken}` },
    });
    expect(listed.status).toBe(401);
  });
});

describe('an access token the API refuses', () => {
  it('is refreshed silently, and the list still loads', async () => {
    await site().seed([{ title: 'still here' }]);
    const { page, errors } = await openSignedIn(browser(), site());
    await todoPage(page).loaded();
    await page.evaluate((key) => {
      const tokens = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...tokens, accessToken: `${tokens.accessToken}x` }));
    }, SESSION_KEY);
    await page.reload();
    const app = todoPage(page);
    await app.loaded();
    await eventually(app.titles, ['still here']);
    expect(await app.notice.getAttribute('class')).not.toContain('shown');
    const stored = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), SESSION_KEY);
    expect(stored.accessToken).not.toMatch(/x$/);
    expect(errors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('ends the session when the refresh token is refused too: the Sign in button and a message', async () => {
    const { page } = await openSignedIn(browser(), site());
    await todoPage(page).loaded();
    await page.evaluate((key) => {
      const tokens = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...tokens, accessToken: 'forged', refreshToken: 'forged' }),
      );
    }, SESSION_KEY);
    await page.reload();
    await page.locator('.sign-in').waitFor();
    await eventually(textOf(page.locator('.notice-text')), expect.stringContaining('You were signed out'));
    expect(await page.locator('.todo-list li').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  });
});
