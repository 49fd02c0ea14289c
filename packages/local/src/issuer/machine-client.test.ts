import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FILES, DataFolder } from '../data/data-folder.js';
import { loadMachineClient } from './machine-client.js';

let dataDir: string;
let folder: DataFolder;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-machine-secret-'));
  folder = new DataFolder(dataDir);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the machine client's secret", () => {
  it('is kept across restarts for the same owner, in a file only its owner can read', async () => {
    const first = await loadMachineClient(folder, 'owner-a');
    const again = await loadMachineClient(folder, 'owner-a');
    expect(again.clientSecret).toBe(first.clientSecret);
    const file = join(dataDir, DATA_FILES.machineSecret);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.clientSecret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is replaced when the owner changes, so a script set up for one person cannot write for another', async () => {
    const forA = await loadMachineClient(folder, 'owner-a');
    const forB = await loadMachineClient(folder, 'owner-b');
    expect(forB.clientSecret).not.toBe(forA.clientSecret);
    expect(forB.owner).toBe('owner-b');
    expect((await readFile(join(dataDir, DATA_FILES.machineSecret), 'utf8')).trim()).toBe(forB.clientSecret);
  });

  it('rewritten into a file that was 0644 (an older version), is 0600 afterwards', async () => {
    await writeFile(join(dataDir, DATA_FILES.machineSecret), 'old\n', { mode: 0o644 });
    await loadMachineClient(folder, 'owner-a');
    for (const file of [DATA_FILES.machineSecret, DATA_FILES.machineOwner])
      expect((await stat(join(dataDir, file))).mode & 0o777, file).toBe(0o600);
  });
});
