import type { ImportProgress } from '@todolist/sdk';
import type { IO } from '../io.js';
import type { ProgressMode } from './choices.js';

/** Shows how an import is going: a bar on a terminal, NDJSON lines for scripts, or nothing. */
export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** NDJSON on stderr: one line per batch answered, with the rate in rows a second. */
function jsonReporter(io: IO): ProgressReporter {
  const started = performance.now();
  return {
    update: (progress) => {
      const seconds = (performance.now() - started) / 1000;
      io.stderr.write(
        `${JSON.stringify({ ...progress, rate: Math.round(progress.read / Math.max(seconds, 0.001)) })}\n`,
      );
    },
    stop: () => undefined,
  };
}

/** cli-progress's bar, with rate and ETA, redrawn on stderr; loaded only on a terminal. */
async function barReporter(io: IO, total: number | undefined): Promise<ProgressReporter> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: io.stderr,
    format: total
      ? 'importing {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}'
      : 'importing {value} rows | {speed} rows/s',
    hideCursor: true,
    etaBuffer: 20,
    clearOnComplete: true,
  });
  const started = performance.now();
  bar.start(total ?? 0, 0, { speed: 0 });
  return {
    update: (progress) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(progress.created + progress.existing + progress.rejected, {
        speed: Math.round(progress.read / Math.max(seconds, 0.001)),
      });
    },
    stop: () => bar.stop(),
  };
}

export async function progressReporter(
  io: IO,
  mode: ProgressMode,
  total: number | undefined,
): Promise<ProgressReporter> {
  if (mode === 'json') return jsonReporter(io);
  if (mode === 'auto' && io.isTerminal) return barReporter(io, total);
  return { update: () => undefined, stop: () => undefined };
}
