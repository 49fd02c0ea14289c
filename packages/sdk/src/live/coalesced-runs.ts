/** A task that runs when asked, one run at a time; see {@link coalescedRuns}. */
export interface CoalescedRuns {
  /** Runs the task now, or, when a run is under way, once more after it (however often asked meanwhile). */
  request(): void;
  /** Resolves once no run is under way. */
  settled(): Promise<void>;
}

/**
 * Runs `task` on request, never two at once: requests that come while it runs (pokes during a
 * read of the feed) become one more run after it. A run that fails ends the series: `onFailure`
 * is told, and what was asked meanwhile is dropped (the caller starts over).
 */
export function coalescedRuns(task: () => Promise<void>, onFailure: (error: unknown) => void): CoalescedRuns {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async () => {
    try {
      do {
        again = false;
        await task();
      } while (again);
    } catch (error) {
      again = false;
      onFailure(error);
    } finally {
      running = undefined;
    }
  };
  return {
    request() {
      if (running) again = true;
      else running = run();
    },
    settled: () => running ?? Promise.resolve(),
  };
}
