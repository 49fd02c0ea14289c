import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { newSignedInUser } from './support/stored-sign-in.js';
import { useLocalApi } from './support/use-local-api.js';

// The root README's curl examples, run as written by a person signed in with `todo login`, from
// the repository's root; only the address differs, as the test's gateway has a port of its own.

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const api = useLocalApi();

/** The README's `### With curl` shell block. */
async function curlExamples(): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const block = /### With curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('the README has no "With curl" shell block');
  return block;
}

function runBash(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: repoRoot, env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe("the README's curl examples", () => {
  it('create, read, list, complete and delete a todo, each call answered as the comments say', async () => {
    const user = await newSignedInUser(api.stack.url, 'curl@example.com');
    const script = (await curlExamples()).replaceAll('http://localhost:3000', api.stack.url);
    // Each example's output, then the todo the examples made, before the last one deletes it.
    const { code, output } = await runBash(`${script}\necho "made: $todo"`, {
      ...user.env,
      PATH: `${process.env.PATH}`,
    });
    expect(code, output).toBe(0);
    const made = /^made: \/v1\/todos\/([0-9A-Z]{26})$/m.exec(output)?.[1];
    expect(made, output).toBeDefined();
    // read: 200 with the todo and its version as the ETag
    expect(output).toMatch(/HTTP\/1\.1 200 OK[\s\S]*?etag: "1"/i);
    expect(output).toContain(`"id":"${made}","title":"Buy milk"`);
    // list: the page holds it
    // (curl prints no newline after a body: each answer follows the one before on its line)
    const listed = /\{"items":\[.*?\],"nextCursor":(?:null|"[^"]*")\}/.exec(output)?.[0];
    const page = JSON.parse(listed ?? '{"items":[]}') as { items: Todo[] };
    expect(page.items.map((todo) => todo.id)).toContain(made);
    // complete: version 2, completed
    expect(output).toMatch(new RegExp(`"id":"${made}".*"completed":true.*"version":2`));
    // delete: 204, and it is gone
    expect(output).toMatch(/HTTP\/1\.1 204 No Content/);
    await expect(user.api.todos.get(made as string)).rejects.toMatchObject({ status: 404 });
  });
});
