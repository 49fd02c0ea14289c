import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTodo, stopTodoRuns } from './support/running-todo.js';
import { newSignedInUser } from './support/stored-sign-in.js';
import { useLocalApi } from './support/use-local-api.js';

// The README's "Watching changes" example, run as written: Ada watches her shared Groceries
// while Sam runs the commands the README gives him; what her watch prints is what it shows.

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const api = useLocalApi();

afterEach(async () => {
  await stopTodoRuns();
});

/** The example: Ada's command and what it shows, then Sam's commands. */
async function example() {
  const readme = await readFile(join(packageRoot, 'README.md'), 'utf8');
  const found =
    /## Watching changes[\s\S]*?```console\n\$ (.*)\n([\s\S]*?)```[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  if (!found) throw new Error('the README has no "Watching changes" example');
  const [, command = '', shown = '', samsBlock = ''] = found;
  const sams = samsBlock
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, ''))
    .filter(Boolean);
  return { command, shown, sams };
}

const normalized = (text: string) => text.replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>');

describe("the README's watch example", () => {
  it('prints what the README shows while Sam changes the shared list', async () => {
    const [ada, sam] = await Promise.all([
      newSignedInUser(api.stack.url, 'ada@example.com'),
      newSignedInUser(api.stack.url, 'sam@example.com'),
    ]);
    const list = await ada.api.lists.create({ name: 'Groceries' });
    await ada.api.lists.members.add(list.id, 'sam@example.com');
    const { command, shown, sams } = await example();
    const [todo, ...args] = command.split(' ');
    expect(todo).toBe('todo');
    const watch = startTodo(args, ada.env);
    await watch.waitForStderrLine((line) => line.startsWith('Watching '), 20_000);

    for (const line of sams) {
      const [samsTodo, ...samsArgs] = line.split(' ');
      expect(samsTodo).toBe('todo');
      expect((await sam.run(samsArgs)).code, line).toBe(0);
    }
    const lines = shown.trim().split('\n').length;
    await watch.waitForStdoutLine((line) => line.startsWith('Done '), 20_000);
    watch.kill('SIGINT');
    const run = await watch.finished;

    expect(normalized(`${run.stderr}${run.stdout}`)).toBe(normalized(shown));
    expect(`${run.stderr}${run.stdout}`.trim().split('\n')).toHaveLength(lines);
    expect(run.code).toBe(130);
  }, 60_000);
});
