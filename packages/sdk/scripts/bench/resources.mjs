// What the benchmark starts (processes, servers, temp folders), stopped in reverse order at the
// end, on error, or on Ctrl-C, so a failed run leaves nothing listening and nothing on disk.

/** A stack of stop functions. */
export class Resources {
  #stops = [];

  /** Registers `stop` and returns `value`, so a start and its registration read as one line. */
  adopt(value, stop) {
    this.#stops.push(stop);
    return value;
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
