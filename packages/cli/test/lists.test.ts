import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { List, Member, Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { startRecordingProxy } from './support/dropping-proxy.js';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// Lists and sharing as a person uses them: the built binary, off a terminal, against the real
// API; two people signed in for real where a list is shared.

const api = useLocalApi();
const newUser = () => newTodoUser(api.stack.url);
/** Each test runs the binary a dozen times or more: on a busy machine that takes a while. */
const LONG = 120_000;
const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const listsOf = async (user: TodoUser) => {
  const lists: List[] = [];
  for await (const list of user.api.lists.iterate({ archived: 'include' })) lists.push(list);
  return lists;
};

describe('todo lists', () => {
  it(
    'adds, renames, archives and unarchives a list, and shows them with their open counts, the Inbox first',
    async () => {
      const user = await newUser();
      const added = await user.run(['lists', 'add', 'Groceries']);
      const [, groceries] = await listsOf(user);
      expect(added).toEqual({ code: 0, stdout: '', stderr: `Added list "Groceries" ${groceries?.id}\n` });
      await user.api.todos.create({ title: 'Oats', listId: groceries?.id as string });
      await user.api.todos.create({ title: 'Call mum' });
      expect(await user.run(['lists', 'rename', 'groc', 'Weekly shop'])).toEqual({
        code: 0,
        stdout: '',
        stderr: 'Renamed list "Groceries" to "Weekly shop"\n',
      });
      expect(lines((await user.run(['lists'])).stdout)).toEqual([
        'LIST         OPEN  SHARING',
        'Inbox           1',
        'Weekly shop     1',
      ]);
      const archived = await user.run(['lists', 'archive', 'weekly']);
      expect(archived.code, archived.stderr).toBe(0);
      expect(archived.stderr).toContain('Archived list "Weekly shop"');
      expect(lines((await user.run(['lists'])).stdout)).toEqual(['LIST   OPEN  SHARING', 'Inbox     1']);
      expect(lines((await user.run(['lists', '--archived'])).stdout)).toEqual([
        'LIST                    OPEN  SHARING',
        'Inbox                      1',
        'Weekly shop (archived)     1',
      ]);
      expect((await user.run(['lists', 'unarchive', 'Weekly'])).code).toBe(0);
      const json = JSON.parse((await user.run(['lists', '--json'])).stdout) as List[];
      expect(json.map((list) => [list.name, list.archived, list.openCount])).toEqual([
        ['Inbox', false, 1],
        ['Weekly shop', false, 1],
      ]);
    },
    LONG,
  );

  it(
    'refuses to delete a list with todos unless told what becomes of them, and moves them with --move-to',
    async () => {
      const user = await newUser();
      const old = await user.api.lists.create({ name: 'Old' });
      const kept = await user.api.lists.create({ name: 'Kept' });
      const todo = await user.api.todos.create({ title: 'Keep me', listId: old.id });
      expectErrorLine(
        await user.run(['lists', 'rm', 'old']),
        2,
        'refusing to delete a list without asking: add --yes',
      );
      expectErrorLine(
        await user.run(['lists', 'rm', 'old', '--yes']),
        2,
        'list "Old" still has todos: add --delete-todos to delete them with it, or --move-to <list> to keep them',
      );
      expect(await user.run(['lists', 'rm', 'old', '--move-to', 'kep', '--yes'])).toEqual({
        code: 0,
        stdout: '',
        stderr: 'Deleted list "Old"; its todos are in "Kept"\n',
      });
      expect(await user.api.todos.get(todo.id)).toMatchObject({ listId: kept.id });
      expect((await user.run(['lists', 'rm', 'Kept', '--delete-todos', '--yes'])).code).toBe(0);
      await expect(user.api.todos.get(todo.id)).rejects.toMatchObject({ status: 404 });
      expect((await listsOf(user)).map((list) => list.name)).toEqual(['Inbox']);
    },
    LONG,
  );

  it(
    'says why the API refused: a name taken, the Inbox, a list that is not there (exits 2, 2, 3)',
    async () => {
      const user = await newUser();
      await user.api.lists.create({ name: 'Chores' });
      expectErrorLine(await user.run(['lists', 'add', 'chores']), 2, 'chores');
      expectErrorLine(await user.run(['lists', 'rename', 'inbox', 'In']), 2, 'Inbox');
      expectErrorLine(await user.run(['lists', 'rm', 'nowhere', '--yes']), 3, 'no list named "nowhere"');
    },
    LONG,
  );
});

describe('todos in lists', () => {
  it(
    'adds to a list named by a prefix, refuses an ambiguous prefix naming the candidates, and moves a todo',
    async () => {
      const user = await newUser();
      const groceries = await user.api.lists.create({ name: 'Groceries' });
      const garden = await user.api.lists.create({ name: 'Garden' });
      const added = await user.run(['add', 'Oat', 'milk', '--list', 'gro', '--json']);
      const todo = JSON.parse(added.stdout) as Todo;
      expect(todo).toMatchObject({ title: 'Oat milk', listId: groceries.id });
      expectErrorLine(
        await user.run(['add', 'Seeds', '--list', 'g']),
        2,
        '"g" fits 2 lists: "Groceries", "Garden"; type more of the name, or the id',
      );
      const moved = await user.run(['mv', todo.id, 'GARDEN']);
      expect(moved).toEqual({ code: 0, stdout: '', stderr: `Moved Oat milk ${todo.id} to "Garden"\n` });
      expect(await user.api.todos.get(todo.id)).toMatchObject({ listId: garden.id });
      expect((await user.run(['mv', todo.id, 'inbox'])).code).toBe(0);
      expect(await user.api.todos.get(todo.id)).toMatchObject({ listId: 'inbox' });
      expect((await user.api.todos.list({ status: 'all' })).items).toHaveLength(1);
    },
    LONG,
  );

  it(
    'lists by list, a heading each, numbered on; --list shows one list in its own order',
    async () => {
      const user = await newUser();
      const shop = await user.api.lists.create({ name: 'Shop' });
      await user.api.todos.create({ title: 'Call mum' });
      const bread = await user.api.todos.create({ title: 'Bread', listId: shop.id });
      const eggs = await user.api.todos.create({ title: 'Eggs', listId: shop.id });
      await user.api.todos.move(eggs.id, { after: null });
      const grouped = lines((await user.run(['list'])).stdout);
      expect(
        grouped.filter((line) => !/^#/.test(line)).map((line) => line.replace(/\s+[a-z]{4,8}\s+/, ' ')),
      ).toEqual(['Inbox', '1 Call mum', 'Shop', '2 Bread', '3 Eggs']);
      const one = await user.run(['list', '--list', 'sh']);
      expect(lines(one.stdout).map((line) => line.split(/\s+/).slice(-1)[0])).toEqual([
        'TAGS',
        'Eggs',
        'Bread',
      ]);
      expect((await user.run(['done', '2'])).code).toBe(0);
      // Row 2 of the last list shown, the Shop's own order: Bread.
      expect(await user.api.todos.get(bread.id)).toMatchObject({ completed: true });
      expect(await user.api.todos.get(eggs.id)).toMatchObject({ completed: false });
    },
    LONG,
  );
});

describe('sharing between two people', () => {
  it(
    "shares a list, shows members and who made each todo by address, refuses the member what is the owner's, unshares and leaves",
    async () => {
      const [ada, sam] = await Promise.all([newUser(), newUser()]);
      const trip = await ada.api.lists.create({ name: 'Trip' });
      const shared = await ada.run(['share', 'trip', sam.email as string]);
      expect(shared).toEqual({ code: 0, stdout: '', stderr: `Shared "Trip" with ${sam.email}\n` });
      const members = JSON.parse((await ada.run(['lists', 'members', 'Trip', '--json'])).stdout) as Member[];
      expect(members.map((member) => [member.email, member.role])).toEqual([
        [ada.email, 'owner'],
        [sam.email, 'member'],
      ]);
      expect(lines((await sam.run(['lists'])).stdout)).toContainEqual(
        expect.stringMatching(new RegExp(`^Trip\\s+0\\s+shared by ${ada.email}$`)),
      );
      expect((await sam.run(['add', 'Book', 'hotel', '--list', 'trip'])).code).toBe(0);
      const [madeBySam] = (await ada.api.todos.list({ listId: trip.id })).items;
      await ada.api.todos.update(madeBySam?.id as string, { notes: 'near the station' });
      const listed = lines((await ada.run(['list'])).stdout);
      expect(listed).toContainEqual('Trip (shared)');
      expect(listed).toContainEqual(expect.stringMatching(/^#\s.*TITLE\s+TAGS\s+BY$/));
      expect(
        listed
          .at(-1)
          ?.split(/\s{2,}/)
          .slice(-2),
      ).toEqual(['Book hotel', `${sam.email}, changed by ${ada.email}`]);
      expect(lines((await sam.run(['list'])).stdout)).toContainEqual(`Trip (shared by ${ada.email})`);
      expectErrorLine(
        await sam.run(['lists', 'rename', 'trip', 'Mine']),
        2,
        `only the list's owner can rename "Trip"`,
      );
      expectErrorLine(
        await sam.run(['share', 'trip', 'eve@example.test']),
        2,
        `only the list's owner can share "Trip"`,
      );
      expectErrorLine(
        await sam.run(['lists', 'rm', 'trip', '--yes', '--delete-todos']),
        2,
        `only the list's owner can delete "Trip"`,
      );
      expectErrorLine(await ada.run(['leave', 'trip']), 2, 'you own "Trip", so you cannot leave it');
      expect(await ada.run(['unshare', 'trip', sam.email as string])).toEqual({
        code: 0,
        stdout: '',
        stderr: `Unshared "Trip" with ${sam.email}\n`,
      });
      expectErrorLine(await sam.run(['list', '--list', 'trip']), 3, 'no list named "trip"');
      expect((await ada.run(['share', 'trip', sam.email as string])).code).toBe(0);
      expect(await sam.run(['leave', 'Trip'])).toEqual({ code: 0, stdout: '', stderr: 'Left "Trip"\n' });
      expect((await listsOf(sam)).map((list) => list.name)).toEqual(['Inbox']);
      expectErrorLine(await ada.run(['unshare', 'trip', sam.email as string]), 3, `is not on "Trip"`);
    },
    LONG,
  );

  it(
    'invites an address with no account yet, and lists it as invited',
    async () => {
      const ada = await newUser();
      await ada.api.lists.create({ name: 'Party' });
      const invited = await ada.run(['share', 'party', 'nobody-yet@example.test']);
      expect(invited.code, invited.stderr).toBe(0);
      expect(invited.stderr).toContain('Invited nobody-yet@example.test to "Party"');
      expect(lines((await ada.run(['share', 'party'])).stdout)).toContainEqual(
        expect.stringMatching(/^nobody-yet@example\.test\s+member\s+invited\s+\d{4}-\d\d-\d\d$/),
      );
    },
    LONG,
  );
});

describe('export and import with lists', () => {
  it(
    "writes each todo's list, archived lists too, and a new person's import makes the lists and puts each todo back in its own",
    async () => {
      const ada = await newUser();
      const shop = await ada.api.lists.create({ name: 'Shop' });
      const old = await ada.api.lists.create({ name: 'Old trip' });
      await ada.api.todos.create({ title: 'Call mum' });
      await ada.api.todos.create({ title: 'Bread', listId: shop.id });
      await ada.api.todos.create({ title: 'Passport', listId: old.id });
      await ada.api.lists.update(old.id, { archived: true });
      for (const format of ['csv', 'json', 'ndjson'] as const) {
        const file = join(ada.configDir, `todos.${format}`);
        expect((await ada.run(['export', '-f', format, '-o', file])).code).toBe(0);
        const text = await readFile(file, 'utf8');
        if (format === 'csv') {
          expect(lines(text)[0]).toBe(
            'id,title,notes,completed,completedAt,dueDate,dueTime,recurrence,priority,tags,createdAt,updatedAt,version,list',
          );
          expect(
            lines(text)
              .slice(1)
              .map((line) => line.split(',').at(-1)),
          ).toEqual(['Inbox', 'Shop', 'Old trip']);
        }
        const into = await newUser();
        await into.api.lists.create({ name: 'shop' });
        const imported = await into.run(['import', file]);
        expect(imported).toMatchObject({ code: 0, stdout: '' });
        expect(imported.stderr).toBe(`Imported 3 todos from ${file}: 3 new; made list "Old trip".\n`);
        const lists = await listsOf(into);
        const nameOf = new Map(lists.map((list) => [list.id, list.name]));
        const todos = (await into.api.todos.list({ status: 'all' })).items;
        expect(todos.map((todo) => [todo.title, nameOf.get(todo.listId)]).sort()).toEqual([
          ['Bread', 'shop'],
          ['Call mum', 'Inbox'],
          ['Passport', 'Old trip'],
        ]);
      }
    },
    LONG,
  );

  it(
    'takes a list column, rejects a list name the API would refuse, and keeps imports without one as they were',
    async () => {
      const user = await newUser();
      const file = join(user.configDir, 'mixed.csv');
      await writeFile(file, `title,list\nMilk,Groceries\nEggs,groceries\nRest,\nBad,${'x'.repeat(300)}\n`);
      const run = await user.run(['import', file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Imported 3 todos');
      expect(run.stderr).toContain('made list "Groceries"');
      const rejected = (await readFile(`${file}.rejects.ndjson`, 'utf8')).trim();
      expect(JSON.parse(rejected)).toMatchObject({ line: 5 });
      expect(rejected).toContain('list name must be');
      const [, groceries] = await listsOf(user);
      const todos = (await user.api.todos.list({ status: 'all' })).items;
      expect(todos.map((todo) => [todo.title, todo.listId])).toEqual([
        ['Milk', groceries?.id],
        ['Eggs', groceries?.id],
        ['Rest', 'inbox'],
      ]);
      // The same file again finds every row it sent, lists and all: nothing doubled, no list made twice.
      await writeFile(file, 'title,list\nMilk,Groceries\nEggs,groceries\nRest,\n');
      expect((await user.run(['import', file])).stderr).toContain(
        `Imported 3 todos from ${file}: 0 new, 3 already there.
`,
      );
      expect(await listsOf(user)).toHaveLength(2);
    },
    LONG,
  );

  it(
    'reads the lists once for an import, however many lists its rows make',
    async () => {
      const user = await newUser();
      const file = join(user.configDir, 'new-lists.csv');
      await writeFile(file, 'title,list\nMilk,Groceries\nTent,Camping\nEggs,groceries\nRest,\n');
      const proxy = await startRecordingProxy(api.stack.url);
      try {
        const run = await user.run(['import', file], { env: { TODO_API_URL: proxy.url } });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('made lists "Groceries", "Camping"');
      } finally {
        await proxy.close();
      }
      expect(proxy.requests.filter((request) => /^GET \/v1\/lists(\?|$)/.test(request))).toHaveLength(1);
    },
    LONG,
  );
});
