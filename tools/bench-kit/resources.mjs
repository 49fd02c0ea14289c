// What a benchmark starts (processes, servers, temp folders), stopped in reverse order at the
// end, on error, or on Ctrl-C, so a failed run leaves nothing listening and nothing on disk.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stack of stop functions.
 * @example
 * const resources = new Resources();
 * const server = resources.adopt(await startServer(), () => server.close());
 * await resources.dispose();
 */
export class Resources {
  #stops = [];

  /** Registers `stop` and returns `value`, so a start and its registration read as one line. */
  adopt(value, stop) {
    this.#stops.push(stop);
    return value;
  }

  /**
   * A new folder in the system's temp folder, named `prefix` and a random suffix, removed by
   * `dispose()` or, should the process end before that, when it exits.
   * @example
   * const work = await resources.makeTempDir('todolist-bench-');
   */
  async makeTempDir(prefix) {
    const folder = await mkdtemp(join(tmpdir(), prefix));
    this.adopt(folder, () => rm(folder, { recursive: true, force: true }));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    return folder;
  }

  /** Stops everything registered, newest first; a failing stop is reported and the rest still run. */
  async dispose() {
    while (this.#stops.length > 0) {
      const stop = this.#stops.pop();
      try {
        await stop();
      } catch (error) {
        process.stderr.write(`bench: cleanup failed: ${error instanceof Error ? error.message : error}\n`);
      }
    }
  }
}
