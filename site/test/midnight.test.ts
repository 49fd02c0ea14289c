// A page left open past midnight: when the local day turns over (at midnight, or when the computer
// wakes past it), Today and Upcoming hold the new day's todos, Upcoming's headings name the new
// days, and the rows' due labels say what is now overdue, with no reload; a todo being edited
// stays in sight, and the page sends one listing for it, not a request a minute. The page's clock
// is Playwright's (page.clock); the API's is this process's Date (the local stack runs here),
// moved with it, so both read the same day: only the clock is not real.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from './support/sign-in.js';
import { eventually, rows, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();
/** No daylight saving there: a day's 23:50 is one fixed instant, `…T23:50:00+09:00`. */
const ZONE = 'Asia/Tokyo';

/** The day `offset` days after `day`, YYYY-MM-DD. */
function plusDays(day: string, offset: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** The instant that is `time` (HH:MM:SS) on `day` in Tokyo. */
const at = (day: string, time: string) => new Date(`${day}T${time}+09:00`);

const dayOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(date);

/** A day as the page writes it in en-US, seen on `today`: "May 11", or "Jan 2, 2031" in another year. */
function shortDay(day: string, today: string): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
    ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
  }).format(new Date(`${day}T12:00:00Z`));
}

/** A day's heading in Upcoming, seen on `today`: "Today · May 11", "Tomorrow · May 12", "Sunday · May 18". */
function heading(day: string, today: string): string {
  const name =
    day === today
      ? 'Today'
      : day === plusDays(today, 1)
        ? 'Tomorrow'
        : new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(
            new Date(`${day}T12:00:00Z`),
          );
  return `— ${name} · ${shortDay(day, today)}`;
}

/** A row's due label and whether it is drawn overdue: ["Overdue · May 11", true]. */
const dueOf = (page: Page, title: string) => () =>
  page
    .locator('.todo-list li', { has: page.locator('label', { hasText: title }) })
    .evaluate((li) => [li.querySelector('.due')?.textContent ?? '', li.classList.contains('overdue')]);

const contexts: BrowserContext[] = [];

// The API's clock: Date alone is faked in this process, and it goes on at the real pace.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
});
afterAll(() => {
  vi.useRealTimers();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** The test's day: one after this process's today, so its clocks only ever move forward. */
let day: string;
beforeEach(() => {
  day = plusDays(dayOf(new Date()), 1);
  vi.setSystemTime(at(day, '23:50:00'));
});

/** The page at 23:50 on the test's day in Tokyo, in en-US, signed in, showing `view`, live. */
async function openAtNight(view: 'today' | 'upcoming') {
  const context = await browser().newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: ZONE,
    locale: 'en-US',
  });
  contexts.push(context);
  await context.clock.install({ time: at(day, '23:50:00') });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  /** What the page sends to the API: "GET /v1/todos". */
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v1/')) calls.push(`${request.method()} ${url.pathname}`);
  });
  await page.goto(`${site().url}/#/?view=${view}`);
  await signIn(page, site().email);
  const app = todoPage(page);
  await app.loaded();
  await page.locator('.todoapp[data-live="live"]').waitFor();
  // From here on, the page's time moves only when the test says: its next timer is at most a
  // minute away, one set for midnight alone would be 8 minutes away.
  await page.clock.pauseAt(at(day, '23:52:00'));
  return { page, app, calls, errors };
}

/** Both clocks, the page's and the API's, at `time` on `onDay`, without firing the page's timers. */
async function setClocks(page: Page, onDay: string, time: string) {
  vi.setSystemTime(at(onDay, time));
  await page.clock.setSystemTime(at(onDay, time));
}

/**
 * The page's clock runs a second at a time, as it does for a page in sight, until the page lists
 * its todos or `ms` have passed. Not in one go: the clock would run past the listing's timeout
 * before its answer came.
 */
async function runUntilListed(page: Page, calls: string[], ms: number) {
  const listings = () => calls.filter((call) => call === 'GET /v1/todos').length;
  const before = listings();
  for (let passed = 0; passed < ms && listings() === before; passed += 1000) await page.clock.runFor(1000);
}

/** Midnight passes while the page is open: the API's clock, then the page's, its timers firing. */
async function passMidnight(page: Page, calls: string[]) {
  vi.setSystemTime(at(plusDays(day, 1), '00:00:00'));
  await page.clock.runFor('07:59');
  await runUntilListed(page, calls, 60_000);
}

async function seedAroundMidnight() {
  await site().seed([
    { title: 'Pay rent', dueDate: plusDays(day, -1) },
    { title: 'Call mum', dueDate: day },
    { title: 'Renew passport', dueDate: plusDays(day, 1) },
    { title: 'Book flights', dueDate: plusDays(day, 7) },
  ]);
}

describe('at midnight', () => {
  it('Upcoming names the new days, lets yesterday go, takes the day a week on, with one listing', async () => {
    await seedAroundMidnight();
    const { page, calls, errors } = await openAtNight('upcoming');
    const tomorrow = plusDays(day, 1);
    await eventually(rows(page), [heading(day, day), 'Call mum', heading(tomorrow, day), 'Renew passport']);
    expect(await dueOf(page, 'Renew passport')()).toEqual([`Due ${shortDay(tomorrow, day)}`, false]);
    const before = calls.length;

    await passMidnight(page, calls);
    await eventually(rows(page), [
      heading(tomorrow, tomorrow),
      'Renew passport',
      heading(plusDays(day, 7), tomorrow),
      'Book flights',
    ]);
    expect(await dueOf(page, 'Renew passport')()).toEqual(['Due today', false]);
    // One listing, once: ten idle minutes of the new day send nothing more.
    await page.clock.runFor('10:00');
    expect(calls.slice(before)).toEqual(['GET /v1/todos']);

    // A whole day on, the next midnight too: the timer is set again each day.
    const dayAfter = plusDays(day, 2);
    vi.setSystemTime(at(dayAfter, '00:00:00'));
    await page.clock.runFor('23:49:00');
    await runUntilListed(page, calls, 60_000);
    await eventually(rows(page), [heading(plusDays(day, 7), dayAfter), 'Book flights']);
    expect(errors).toEqual([]);
  });

  it('Today shows what was due yesterday as overdue, and takes the todos due on the new day', async () => {
    await seedAroundMidnight();
    const { page, app, calls } = await openAtNight('today');
    await eventually(rows(page), ['Pay rent', 'Call mum']);
    expect(await dueOf(page, 'Call mum')()).toEqual(['Due today', false]);

    await passMidnight(page, calls);
    await eventually(rows(page), ['Pay rent', 'Call mum', 'Renew passport']);
    expect(await dueOf(page, 'Call mum')()).toEqual([`Overdue · ${shortDay(day, plusDays(day, 1))}`, true]);
    expect(await dueOf(page, 'Renew passport')()).toEqual(['Due today', false]);
    expect(await app.count.textContent()).toBe('3 items left');
  });

  it('keeps a todo being edited in sight, with what was typed, until the view is shown again', async () => {
    await seedAroundMidnight();
    const { page, app, calls } = await openAtNight('upcoming');
    await eventually(rows(page), [
      heading(day, day),
      'Call mum',
      heading(plusDays(day, 1), day),
      'Renew passport',
    ]);
    await page.getByRole('button', { name: 'Edit Call mum' }).click();
    const title = page.locator('.details input[name="title"]');
    await title.fill('Call mum back');

    await passMidnight(page, calls);
    const tomorrow = plusDays(day, 1);
    await eventually(rows(page), [
      heading(day, tomorrow),
      'Call mum',
      heading(tomorrow, tomorrow),
      'Renew passport',
      heading(plusDays(day, 7), tomorrow),
      'Book flights',
    ]);
    expect(await title.inputValue()).toBe('Call mum back');
    await page.locator('.details .save').click();
    await app.settled();
    expect((await site().api.todos.list({ q: 'Call mum back' })).items).toHaveLength(1);
    // Shown again, Upcoming is the new day's alone.
    await page.locator('#lists .view-links a', { hasText: 'Today' }).click();
    await page.locator('#lists .view-links a', { hasText: 'Upcoming' }).click();
    await eventually(rows(page), [
      heading(tomorrow, tomorrow),
      'Renew passport',
      heading(plusDays(day, 7), tomorrow),
      'Book flights',
    ]);
  });
});

describe('woken from sleep past midnight', () => {
  // The page's timers stand still while the computer sleeps: only its wall clock has moved on.
  it('catches up when the page is shown again', async () => {
    await seedAroundMidnight();
    const { page } = await openAtNight('today');
    await eventually(rows(page), ['Pay rent', 'Call mum']);

    await setClocks(page, plusDays(day, 1), '00:30:00');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await eventually(rows(page), ['Pay rent', 'Call mum', 'Renew passport']);
  });

  it('catches up within a minute while the page stays in sight', async () => {
    await seedAroundMidnight();
    const { page, calls } = await openAtNight('upcoming');
    await eventually(rows(page), [
      heading(day, day),
      'Call mum',
      heading(plusDays(day, 1), day),
      'Renew passport',
    ]);

    const tomorrow = plusDays(day, 1);
    await setClocks(page, tomorrow, '00:30:00');
    await runUntilListed(page, calls, 60_000);
    await eventually(rows(page), [
      heading(tomorrow, tomorrow),
      'Renew passport',
      heading(plusDays(day, 7), tomorrow),
      'Book flights',
    ]);
  });
});
