import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMachineClient, MACHINE_SECRET_FILE } from './machine-client.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-machine-secret-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the machine client's secret", () => {
  it('is kept across restarts for the same owner, in a file only its owner can read', async () => {
    const first = await loadMachineClient(dataDir, 'owner-a');
    const again = await loadMachineClient(dataDir, 'owner-a');
    expect(again.clientSecret).toBe(first.clientSecret);
    const file = join(dataDir, MACHINE_SECRET_FILE);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.clientSecret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is replaced when the owner changes, so a script set up for one person cannot write for another', async () => {
    const forA = await loadMachineClient(dataDir, 'owner-a');
    const forB = await loadMachineClient(dataDir, 'owner-b');
    expect(forB.clientSecret).not.toBe(forA.clientSecret);
    expect(forB.owner).toBe('owner-b');
    expect((await readFile(join(dataDir, MACHINE_SECRET_FILE), 'utf8')).trim()).toBe(forB.clientSecret);
  });
});
