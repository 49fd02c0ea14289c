import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newSignedInUser } from './support/stored-sign-in.js';
import { useLocalApi } from './support/use-local-api.js';

// The README's "Lists and sharing" session, run as written by Ada with Sam signed in elsewhere:
// each command's output as the README shows it, ids and dates aside (they differ every run).

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const api = useLocalApi();

/** The session's commands, each with the output the README shows after it. */
async function session(): Promise<{ command: string; shown: string }[]> {
  const readme = await readFile(join(packageRoot, 'README.md'), 'utf8');
  const block = /## Lists and sharing[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('the README has no "Lists and sharing" console block');
  return block
    .split(/^\$ /m)
    .filter(Boolean)
    .map((step) => {
      const [command = '', ...shown] = step.split('\n');
      return { command, shown: shown.join('\n') };
    });
}

/** What differs from run to run: ids, short ids in a table's ID column, days. */
const normalized = (text: string) =>
  text
    .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>')
    .replace(/^(\d+ +)[a-z]{4}\b/gm, '$1<sid>')
    .replace(/\b\d{4}-\d\d-\d\d\b/g, '<day>');

describe("the README's lists and sharing session", () => {
  it('gives the output the README shows, command after command', async () => {
    const [ada] = await Promise.all([
      newSignedInUser(api.stack.url, 'ada@example.com'),
      newSignedInUser(api.stack.url, 'sam@example.com'),
    ]);
    const steps = await session();
    expect(steps.length).toBeGreaterThan(5);
    for (const { command, shown } of steps) {
      const [todo, ...args] = command.split(' ');
      expect(todo).toBe('todo');
      const run = await ada.run(args);
      if (process.env.SHOW_README_RUN) console.log(`$ ${command}\n${run.stdout}${run.stderr}`);
      if (!process.env.SHOW_README_RUN)
        expect(normalized(`${run.stdout}${run.stderr}`), command).toBe(normalized(shown));
    }
  }, 120_000);
});
