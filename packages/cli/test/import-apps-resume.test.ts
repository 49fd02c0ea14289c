import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLocally } from '@todolist/local/testing';
import type { ImportProgress } from '@todolist/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { ensureGatewayBuilt, startGatewayProcess, stopGatewayProcesses } from './support/gateway-process.js';
import { type RunningTodo, startTodo, stopTodoRuns } from './support/running-todo.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo import --from <app>` stopped halfway, then `--resume`d: every task ends up exactly once.
// The files are a few hundred tasks written from each app's format, big enough that the import
// is cut with most of them still unsent (100 a request, 4 requests at a time).

const api = useLocalApi();

const TASKS = 800;

/** Each task's title: unique, so each todo can be told from the others. */
const titleOf = (task: number) => `Task ${String(task).padStart(4, '0')}`;
const allTitles = Array.from({ length: TASKS }, (_, index) => titleOf(index + 1));

/**
 * A Todoist project export: sections, sub-tasks, labels, notes, the blank row Todoist puts
 * between sections, and dates of each kind its DATE column holds.
 */
function todoistCsv(): string {
  const rows = ['TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE'];
  const dates = ['', 'tomorrow', 'every monday', '2099-12-24', 'Dec 24'];
  for (let task = 1; task <= TASKS; task++) {
    if (task % 100 === 1) rows.push(',,,,,,,,,', `section,Week ${Math.ceil(task / 100)},,,,,,,,`);
    const label = task % 3 === 0 ? ' @errand' : '';
    const description = task % 5 === 0 ? '"Bring the list, and a bag"' : '';
    const responsible = task % 11 === 0 ? 'Ana (14781401)' : '';
    rows.push(
      `task,${titleOf(task)}${label},${description},${(task % 4) + 1},${task % 4 === 0 ? 2 : 1},Evan (14781400),${responsible},${dates[task % dates.length]},en,Europe/Paris`,
    );
    if (task % 7 === 0)
      rows.push(`note,"A comment on ${titleOf(task)}, with a comma",,,,Evan (14781400),,,,`);
  }
  return `${rows.join('\n')}\n`;
}

/** What `task export` writes: `[`, one task object a line, comma-separated, then `]`. */
function taskwarriorExport(): string {
  const tasks = allTitles.map((title, index) => ({
    id: index + 1,
    description: title,
    entry: `20261201T${String(Math.floor(index / 60) % 24).padStart(2, '0')}${String(index % 60).padStart(2, '0')}00Z`,
    modified: '20261201T090000Z',
    ...(index % 3 === 0 ? { project: `Project ${index % 4}` } : {}),
    ...(index % 5 === 0 ? { priority: 'H', tags: ['errand'] } : {}),
    ...(index % 7 === 0 ? { due: '20991224T120000Z' } : {}),
    status: index % 9 === 0 ? 'completed' : 'pending',
    uuid: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    urgency: 1,
  }));
  return `[\n${tasks.map((task) => JSON.stringify(task)).join(',\n')}\n]\n`;
}

/** A todo.txt: priorities, creation dates, +projects, @contexts, due: and rec:, some done. */
function todoTxt(): string {
  return `${allTitles
    .map((title, index) => {
      const done = index % 9 === 0 ? 'x 2026-12-02 ' : '';
      const priority = !done && index % 4 === 0 ? '(A) ' : '';
      const project = index % 3 === 0 ? ` +Project_${index % 4}` : '';
      const due = index % 7 === 0 ? ' due:2099-12-24 rec:+1w' : '';
      return `${done}${priority}2026-11-20 ${title}${project} @home${due}`;
    })
    .join('\n')}\n`;
}

const BIG_FILES = {
  todoist: { name: 'big.csv', text: todoistCsv },
  taskwarrior: { name: 'tasks.json', text: taskwarriorExport },
  todotxt: { name: 'todo.txt', text: todoTxt },
};
type App = keyof typeof BIG_FILES;

/** Writes the app's big file in the user's home, where their runs start, and returns its name. */
async function putBigFile(user: TodoUser, app: App): Promise<string> {
  const { name, text } = BIG_FILES[app];
  await writeFile(join(user.configDir, name), text());
  return name;
}

const importFrom = (user: TodoUser, app: App, file: string, ...args: string[]) =>
  user.run(['import', '--from', app, file, ...args], { cwd: user.configDir });

/** Starts the import with progress lines, and resolves once its first batch is answered. */
async function startCutImport(user: TodoUser, app: App, file: string): Promise<RunningTodo> {
  const run = startTodo(['import', '--from', app, file, '--progress', 'json'], user.env, {
    cwd: user.configDir,
  });
  await run.waitForStderrLine(
    (line) => line.startsWith('{') && (JSON.parse(line) as ImportProgress).created >= 100,
  );
  return run;
}

/** Every title of the user's todos, sorted: todos of several lists do not come in file order. */
async function sortedTitles(user: TodoUser): Promise<string[]> {
  const titles: string[] = [];
  for await (const todo of user.api.todos.iterate({ status: 'all' })) titles.push(todo.title);
  return titles.sort();
}

/** How many todos went in before the cut: some, and far from all. */
async function countHalfway(user: TodoUser): Promise<number> {
  const before = (await sortedTitles(user)).length;
  expect(before).toBeGreaterThanOrEqual(100);
  expect(before).toBeLessThan(TASKS);
  return before;
}

/**
 * Runs the resume (`args`, `--json` added), then checks every task is there exactly once, and
 * that a plain re-run afterwards finds them all and adds nothing.
 */
async function expectResumedOnce(user: TodoUser, app: App, file: string, args: string[], before: number) {
  const resumed = await user.run([...args, '--json'], { cwd: user.configDir });
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stderr).toBe('');
  const summary = JSON.parse(resumed.stdout) as { created: number; existing: number; rejected: number };
  expect(summary.rejected).toBe(0);
  expect(summary.created + summary.existing).toBe(TASKS);
  // A batch the cut run sent may have gone in after the count: found now, not added again.
  expect(summary.existing).toBeGreaterThanOrEqual(before);
  expect(await sortedTitles(user)).toEqual(allTitles);

  const again = await importFrom(user, app, file, '--json');
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, existing: TASKS, rejected: 0 });
  expect(await sortedTitles(user)).toEqual(allTitles);
}

describe.concurrent('todo import --from: the todo process killed halfway', () => {
  afterEach(stopTodoRuns);

  it.each(Object.keys(BIG_FILES) as App[])(
    '%s: after a SIGKILL, --resume with the same --from ends with every task exactly once, and a re-run adds nothing',
    async (app) => {
      const user = await newTodoUser(api.stack.url);
      const file = await putBigFile(user, app);
      const cut = await startCutImport(user, app, file);
      // A pulled plug: no hint, no clean-up, the journal and the ids' book as they were.
      cut.kill('SIGKILL');
      expect((await cut.finished).code).toBeNull();
      const before = await countHalfway(user);
      await expectResumedOnce(user, app, file, ['import', '--from', app, file, '--resume'], before);
    },
  );
});

describe('todo import --from: the gateway crashes halfway', () => {
  let dataDir: string | undefined;

  beforeAll(ensureGatewayBuilt, 120_000);

  afterEach(async () => {
    await stopTodoRuns();
    await stopGatewayProcesses();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('todoist: fails with exit 7 and a hint that keeps --from, and the hint after a restart ends with every task exactly once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'todo-import-apps-gateway-'));
    const gateway = await startGatewayProcess({ dataDir });
    // The gateway's signing key stays in its data folder, so the token still holds after the restart.
    const { accessToken } = await signInLocally(gateway.url, 'todoist-importer@example.com');
    const user = await newTodoUser(gateway.url, { token: accessToken });
    const file = await putBigFile(user, 'todoist');
    const cut = await startCutImport(user, 'todoist', file);
    await gateway.crash();
    const failed = await cut.finished;
    expect(failed.code, failed.stderr).toBe(7);
    const hint = /^The import stopped; nothing is lost\. Continue it with: todo (.+)$/m.exec(failed.stderr);
    expect(hint?.[1]).toBe('import big.csv --from todoist --resume');

    await startGatewayProcess({ dataDir, port: gateway.port });
    const before = await countHalfway(user);
    // Read as a plain CSV, its rows would be other rows under the Todoist rows' ids.
    expectErrorLine(
      await user.run(['import', 'big.csv', '--resume', '--map', 'CONTENT=title'], { cwd: user.configDir }),
      2,
      'the interrupted import of "big.csv" was begun with --from todoist, and continues only read the same way: todo import big.csv --from todoist --resume',
    );
    expect(await sortedTitles(user)).toHaveLength(before);
    await expectResumedOnce(user, 'todoist', file, hint?.[1]?.split(' ') ?? [], before);
  }, 90_000);
});
