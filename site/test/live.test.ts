// The page stays in step without a reload: what the CLI, another member of a shared list and
// another tab change shows on an open page; a change made under the person's edit is said, and
// nothing they typed is lost; an idle page sends nothing.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSignedIn } from './support/sign-in.js';
import { uniqueEmail } from './support/site.js';
import { type TodoCli, todoCliFor } from './support/todo-cli.js';
import { countOf, eventually, textOf, todoPage, visible } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

/** The page signed in as the site's user at `path`, its list loaded and following the feed live. */
async function openLive(path = '/') {
  const opened = await openSignedIn(browser(), site(), path);
  await live(opened.page);
  return { ...opened, app: todoPage(opened.page) };
}

const live = (page: Page) => page.locator('.todoapp[data-live="live"]').waitFor();

const clis: TodoCli[] = [];
afterEach(async () => {
  await Promise.all(clis.splice(0).map((cli) => cli.remove()));
});

describe('changes made elsewhere', () => {
  it("show on the open page when the person's CLI adds, completes and deletes a todo", async () => {
    const { app } = await openLive();
    const cli = await todoCliFor(site().url, site().email);
    clis.push(cli);

    const added = await cli.run(['add', 'Call the plumber', '--json']);
    expect(added.code, added.stderr).toBe(0);
    await eventually(app.titles, ['Call the plumber']);
    await eventually(textOf(app.page.locator('.todo-count')), '1 item left');

    const { id } = JSON.parse(added.stdout) as { id: string };
    expect((await cli.run(['done', id])).code).toBe(0);
    await eventually(countOf(app.item('Call the plumber').and(app.page.locator('li.completed'))), 1);
    expect((await cli.run(['rm', '--yes', id])).code).toBe(0);
    await eventually(app.titles, []);
  });

  it('show on the page of a list shared with another person when they complete a todo there', async () => {
    const { api, email } = site();
    const team = await api.lists.create({ name: `Team ${uniqueEmail().slice(7, 15)}` });
    const todo = await api.todos.create({ title: 'Book the room', listId: team.id });
    const friendEmail = uniqueEmail('friend');
    await api.lists.members.add(team.id, friendEmail);
    const friend = site().apiFor(friendEmail);
    const { app } = await openLive(`/#/?list=${team.id}`);
    await eventually(app.titles, ['Book the room']);

    await friend.todos.complete(todo.id);
    await eventually(countOf(app.page.locator('li.completed', { hasText: 'Book the room' })), 1);
    await friend.todos.create({ title: 'Order lunch', listId: team.id });
    await eventually(app.titles, ['Book the room', 'Order lunch']);
    // The row names who changed it, as the list's members say.
    await eventually(
      textOf(app.item('Book the room').locator('.by')),
      `added by ${email}, changed by ${friendEmail}`,
    );
  });

  it('show in one tab when the person changes their todos in another', async () => {
    const first = await openLive();
    const second = await openLive();
    await second.app.add('Water the plants');
    await eventually(first.app.titles, ['Water the plants']);
    await second.app.item('Water the plants').locator('.toggle').check();
    await eventually(countOf(first.page.locator('li.completed', { hasText: 'Water the plants' })), 1);
    // The tab that made them shows each once: its own change comes back through the feed too.
    await second.app.settled();
    await eventually(second.app.titles, ['Water the plants']);
  });
});

describe('a change made elsewhere while the person edits the todo', () => {
  /** The page, with "Buy milk" being edited and "Fresh " typed into it; another client renames it meanwhile. */
  async function editedUnderneath() {
    const [todo] = await site().seed([{ title: 'Buy milk' }]);
    const { app, page } = await openLive();
    await app.item('Buy milk').locator('label').dblclick();
    // The row, not its title: the label under the field shows the other change as it comes.
    const edit = app.items.first().locator('.edit');
    await page.locator('li.editing').waitFor();
    await edit.press('Home');
    await edit.pressSequentially('Fresh ');
    await site().api.todos.update((todo as { id: string }).id, { title: 'Buy almond milk' });
    const notice = page.locator('.notice');
    await eventually(
      textOf(notice.locator('p')),
      'This todo was changed elsewhere to “Buy almond milk” while you were editing it. Saving keeps yours.',
    );
    return { app, page, edit, notice, id: (todo as { id: string }).id };
  }

  it('keeps what the person typed, and saving keeps it', async () => {
    const { app, edit, id } = await editedUnderneath();
    expect(await edit.inputValue()).toBe('Fresh Buy milk');
    await edit.press('End');
    await edit.pressSequentially(' today');
    await edit.press('Enter');
    await app.settled();
    expect((await site().api.todos.get(id)).title).toBe('Fresh Buy milk today');
    expect(await app.titles()).toEqual(['Fresh Buy milk today']);
  });

  it('takes theirs on "Use theirs", ending the edit without saving', async () => {
    const { app, page, edit, notice, id } = await editedUnderneath();
    await notice.getByRole('button', { name: 'Use theirs' }).click();
    await eventually(visible(edit), false);
    await eventually(app.titles, ['Buy almond milk']);
    await app.settled();
    expect((await site().api.todos.get(id)).title).toBe('Buy almond milk');
    expect(await page.locator('li.editing').count()).toBe(0);
  });
});

describe('an idle page', () => {
  it('sends no request once it follows the feed', async () => {
    await site().seed([{ title: 'Buy milk' }, { title: 'Call mum' }]);
    const { page, app } = await openLive();
    await app.settled();
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
    page.on('websocket', (socket) => sent.push(`websocket ${socket.url()}`));
    // A stretch of idleness much shorter than the socket's 5-minute ping: nothing at all is sent.
    await page.waitForTimeout(5_000);
    expect(sent).toEqual([]);
    // And it is still following: a change made now shows.
    await site().api.todos.create({ title: 'Pay the rent' });
    await eventually(app.titles, ['Buy milk', 'Call mum', 'Pay the rent']);
  });
});
